// The one sanitiser for external text (sources, inventories, records files):
// every control character becomes visible, inert text, so nothing fetched can
// move the cursor, clear the screen, set the clipboard (OSC 52) or reorder text.
const escapeGlyph = '\u241B'; // ␛
const deleteGlyph = '\u2421'; // ␡

function neutralise(character: string, keepLayout: boolean): string {
	const code = character.codePointAt(0)!;
	if (code === 0x1b) return escapeGlyph;
	if (code === 0x09 || code === 0x0a) return keepLayout ? character : ' ';
	if (code < 0x20) return String.fromCodePoint(0x2400 + code); // ␀ … ␟ control pictures
	if (code === 0x7f) return deleteGlyph;
	return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`; // C1, bidi overrides/isolates
}

// C0 (except nothing), DEL, C1, bidi embeddings/overrides (202A–202E) and isolates (2066–2069).
const unsafe = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;

/** Neutralises control characters; tabs and newlines survive when keepLayout is true. */
export function sanitizeText(value: string, {keepLayout = false}: {keepLayout?: boolean} = {}): string {
	return value.replace(unsafe, character => neutralise(character, keepLayout));
}

/** Deep-sanitises every string in a parsed JSON-like value (keys included). */
export function sanitizeDeep<T>(value: T): T {
	if (typeof value === 'string') return sanitizeText(value, {keepLayout: true}) as T;
	if (Array.isArray(value)) return value.map(item => sanitizeDeep(item)) as T;
	if (value && typeof value === 'object') {
		const result: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) result[sanitizeText(key)] = sanitizeDeep(item);
		return result as T;
	}
	return value;
}
