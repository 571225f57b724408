// Builds ScreeningEntity values from raw source fields. Every string passes
// through the sanitiser here: this is the boundary between fetched text and the app.
import {sanitizeText, sha256Hex} from '../../text/index.js';
import type {EntityType, ScreeningEntity} from '../../records/index.js';

/** The one empty list every entity shares: frozen, so no caller can fill it for all. */
export const noValues: string[] = Object.freeze([]) as unknown as string[];

// Text that cleanLine / cleanText would change: control or bidi characters (as in
// sanitizeText), and for single lines any blank but a single inner space.
// The class is sanitizeText's unsafe set plus every \s character but the space.
const lineNeedsCleaning =
	/[\u0000-\u001F\u007F-\u009F\u00A0\u1680\u2000-\u200A\u2028\u2029\u202A-\u202F\u205F\u2066-\u2069\u3000\uFEFF]| {2}/;
const textNeedsCleaning = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|^\s|\s$/;

const space = 0x20;

/**
 * A copy of `text` that holds no reference to a bigger string. V8 cuts substrings of 13
 * characters or more as views into their parent, so a name cut from an XML chunk or a
 * JSON document would otherwise keep that whole text alive for as long as the entity lives.
 * A UTF-8 round trip through a scratch buffer is the cheap copy; it would turn a lone
 * surrogate (possible from JSON escapes) into U+FFFD, so text with any surrogate, or
 * too long for the buffer, takes JSON's slower but lossless round trip instead.
 */
export function detach(text: string): string {
	if (text.length < 13) return text;
	if (text.length > scratch.length / 3 || surrogate.test(text)) return JSON.parse(JSON.stringify(text)) as string;
	return scratch.toString('utf8', 0, scratch.write(text, 'utf8'));
}
const scratch = Buffer.allocUnsafe(4096);
const surrogate = /[\uD800-\uDFFF]/;

/** A single-line field: sanitised, trimmed, empty becomes null. */
export function cleanLine(value: unknown): string | null {
	if (typeof value !== 'string') {
		if (typeof value !== 'number') return null;
		value = String(value);
	}
	const text = cleanedLine(value as string);
	return text === null ? null : detach(text);
}

/** A free-text field (remarks): line breaks survive, other controls are neutralised. */
export function cleanText(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const text = cleanedText(value);
	return text === null ? null : detach(text);
}

// The CSV reader detaches every field (csv-records.ts), so CSV fields skip a second copy here:
// cutting items out of a field keeps at most that field alive.

/** cleanLine for a CSV field. */
export function fieldLine(value: string | undefined): string | null {
	return value === undefined ? null : cleanedLine(value);
}

/** cleanText for a CSV field. */
export function fieldText(value: string | undefined): string | null {
	return value === undefined ? null : cleanedText(value);
}

function cleanedLine(text: string): string | null {
	if (text === '') return null;
	// Most fields are already clean: one regex test instead of three replacements.
	if (text.charCodeAt(0) !== space && text.charCodeAt(text.length - 1) !== space && !lineNeedsCleaning.test(text)) return text;
	const cleaned = sanitizeText(text).replace(/\s+/g, ' ').trim();
	return cleaned === '' ? null : cleaned;
}

function cleanedText(value: string): string | null {
	if (value === '') return null;
	if (!textNeedsCleaning.test(value)) return value;
	const text = sanitizeText(value, {keepLayout: true}).trim();
	return text === '' ? null : text;
}

/** Cleans, drops empties and duplicates, keeps first-seen order; `clean` may also rewrite an item (see cleanCountry). */
export function cleanList(values: Iterable<unknown>, clean: (value: unknown) => string | null = cleanLine): string[] {
	return keepDistinct(Array.from(values), clean);
}

/**
 * A joined multi-value CSV field ("a; b; c") as clean, distinct items in first-seen order.
 * The items stay in the array split() made, sized to them: an array grown by push holds
 * room for 17, which on a million rows is most of the memory the lists take.
 */
export function splitField(
	value: string | undefined,
	separator: string | RegExp,
	clean: (item: string) => string | null = cleanedLine,
): string[] {
	if (value === undefined || value === '') return noValues;
	if (typeof separator === 'string' && !value.includes(separator)) {
		const text = clean(value);
		return text === null ? noValues : [text];
	}
	return keepDistinct(value.split(separator), clean);
}

/** A country: cleaned, and a two-letter code upper-cased, so "ru" and "RU" are one country when repeats are dropped. */
export function cleanCountry(value: unknown): string | null {
	const text = cleanLine(value);
	return text === null ? null : countryValue(text);
}

/** The same for a field item, which needs no copy (see splitField). */
export function cleanedCountry(item: string): string | null {
	const text = cleanedLine(item);
	return text === null ? null : countryValue(text);
}

/** Rewrites `items` in place to the distinct non-null results of `clean`, in first-seen order; the shared noValues when none. */
function keepDistinct<T>(items: T[], clean: (item: T) => string | null): string[] {
	const kept = items as unknown as string[];
	let count = 0;
	// Lists are short: a scan beats a Set until one is long.
	let seen: Set<string> | null = null;
	for (const item of items) {
		const text = clean(item);
		if (text === null || (seen === null ? keptIncludes(kept, count, text) : seen.has(text))) continue;
		// count never passes the position being read, so nothing unread is overwritten.
		kept[count++] = text;
		if (seen !== null) seen.add(text);
		else if (count > 16) seen = new Set(kept.slice(0, count));
	}
	if (count === 0) return noValues;
	kept.length = count;
	return kept;
}

function keptIncludes(items: string[], kept: number, text: string): boolean {
	for (let index = 0; index < kept; index++) if (items[index] === text) return true;
	return false;
}

/**
 * Keeps one copy of each repeated string (list names, country codes, programs) and of
 * each repeated list for a whole parse. Repeated lists are frozen and shared, like noValues.
 */
export class Interner {
	private readonly strings = new Map<string, string>();
	/** By the raw field text they were read from. */
	private readonly listsByField = new Map<string, string[]>();
	/** By their items joined with line breaks. */
	private readonly listsByItems = new Map<string, string[]>();

	intern(text: string): string {
		const known = this.strings.get(text);
		if (known !== undefined) return known;
		this.strings.set(text, text);
		return text;
	}

	/** The list with its items interned; the same list when it is empty. */
	internAll(items: string[]): string[] {
		for (let index = 0; index < items.length; index++) items[index] = this.intern(items[index]!);
		return items;
	}

	/**
	 * The items `read` makes of a raw field, interned, made once per distinct raw text: a
	 * million rows hold a few thousand distinct country or program fields. Past maxLists
	 * distinct texts (every row its own) lists are no longer kept, only their items.
	 */
	list(raw: string | undefined, read: (raw: string | undefined) => string[]): string[] {
		if (raw === undefined || raw === '') return read(raw);
		return this.listsByField.get(raw) ?? keep(this.listsByField, raw, this.internAll(read(raw)));
	}

	/** The one frozen list equal to `items`, whose items are clean lines (so hold no line break). */
	sameList(items: string[]): string[] {
		if (items.length === 0) return noValues;
		const key = items.length === 1 ? items[0]! : items.join('\n');
		// A copy: an array grown by push holds room for more items than it has.
		return this.listsByItems.get(key) ?? keep(this.listsByItems, key, this.internAll(items.slice()));
	}
}

function keep(lists: Map<string, string[]>, key: string, items: string[]): string[] {
	if (lists.size < maxLists) lists.set(key, Object.freeze(items) as string[]);
	return items;
}

const maxLists = 50_000;

/** A date only when it is a real YYYY-MM-DD (a longer timestamp is cut to its day). */
export function isoDay(value: unknown): string | null {
	if (typeof value !== 'string' || value === '') return null;
	const text = value.trim();
	if (text.length < 10 || (text.length > 10 && text.charCodeAt(10) !== 0x54) /* T */) return null;
	if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return null;
	const year = digits(text, 0, 4);
	const month = digits(text, 5, 7);
	const day = digits(text, 8, 10);
	if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return text.length === 10 ? text : text.slice(0, 10);
}

/** The number written by the ASCII digits text[start, end), or -1 when any is not a digit. */
function digits(text: string, start: number, end: number): number {
	let number = 0;
	for (let index = start; index < end; index++) {
		const digit = text.charCodeAt(index) - 0x30;
		if (digit < 0 || digit > 9) return -1;
		number = number * 10 + digit;
	}
	return number;
}

function daysInMonth(yearWritten: number, month: number): number {
	// As Date.UTC reads them (which this once used): years 0-99 are 1900-1999.
	const year = yearWritten < 100 ? yearWritten + 1900 : yearWritten;
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Two letters read as an ISO 3166 alpha-2 code, upper-cased; anything else is the source's text. */
export function countryValue(value: string): string {
	return /^[a-z]{2}$/i.test(value) ? value.toUpperCase() : value;
}

export type EntityFields = Omit<ScreeningEntity, 'id' | 'name' | 'type'> & {name: string; type: EntityType};

function listOrNone(items: string[] | undefined): string[] {
	return items === undefined || items.length === 0 ? noValues : items;
}

/**
 * Completes an entity: aliases never repeat the name, and without a list id the
 * id is "sha256:" of the canonical content (fields in a fixed order) so it is
 * stable across runs and machines. Empty lists are the shared frozen `noValues`.
 */
export function makeEntity(
	listId: string | null,
	fields: Partial<EntityFields> & Pick<EntityFields, 'name' | 'type' | 'list'>,
): ScreeningEntity {
	const name = fields.name;
	let aliases = listOrNone(fields.aliases);
	if (aliases.includes(name)) aliases = listOrNone(aliases.filter(alias => alias !== name));
	// One object shape, built in one go: properties in the canonical order the hash uses.
	const entity: ScreeningEntity = {
		id: '',
		name,
		aliases,
		type: fields.type,
		addresses: listOrNone(fields.addresses),
		countries: listOrNone(fields.countries),
		list: fields.list,
		programs: listOrNone(fields.programs),
		listedOn: fields.listedOn ?? null,
		federalRegisterNotice: fields.federalRegisterNotice ?? null,
		remarks: fields.remarks ?? null,
		sourceUrls: listOrNone(fields.sourceUrls),
		identifiers: listOrNone(fields.identifiers),
	};
	entity.id = listId ?? contentId(entity);
	return entity;
}

/** "sha256:" of the entity's content, the id itself left out. */
function contentId(entity: ScreeningEntity): string {
	const {id: _id, ...content} = entity;
	return 'sha256:' + sha256Hex(JSON.stringify(content));
}

/**
 * Passes on each entity whose id has not come before, as the entities stream by; `finish`
 * then warns of the repeats, once, naming the first few. The first of each id is kept.
 */
export function uniqueIds(
	inputName: string,
	warnings: string[],
	emit: (entity: ScreeningEntity) => void,
): {emit: (entity: ScreeningEntity) => void; finish: () => void} {
	const seen = new Set<string>();
	const duplicates: string[] = [];
	return {
		emit(entity) {
			// One look-up per id, not has() then add(): on a million ids each costs cache misses.
			const before = seen.size;
			seen.add(entity.id);
			if (seen.size === before) duplicates.push(entity.id);
			else emit(entity);
		},
		finish() {
			if (duplicates.length === 0) return;
			const shown = duplicates.slice(0, 5).join(', ') + (duplicates.length > 5 ? ', …' : '');
			warnings.push(
				`${inputName}: ${duplicates.length} entr${duplicates.length === 1 ? 'y repeats an id' : 'ies repeat ids'} (${shown}); kept the first of each`,
			);
		},
	};
}
