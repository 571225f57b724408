// Canonical JSON: the one byte-exact form that fingerprints and the hash chain are
// computed over (with text/'s sha256Hex), so the same data always gives the same hash.

/** JSON with object keys sorted at every depth and no whitespace; undefined object members are dropped, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonical JSON has no form for NaN or Infinity');
		const text = JSON.stringify(value);
		if (text === undefined) throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
		return text;
	}
	if (Array.isArray(value)) return `[${value.map(item => canonicalJson(item ?? null)).join(',')}]`;
	const members = Object.keys(value)
		.filter(key => (value as Record<string, unknown>)[key] !== undefined)
		.sort()
		.map(key => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
	return `{${members.join(',')}}`;
}
