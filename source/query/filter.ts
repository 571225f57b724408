// The filter language shared by the TUI and `list --filter`:
//   smart-case substrings, space-separated terms ANDed, `!term` negates,
//   `field:value` matches one column, quoted values may contain spaces.
// Parsing never throws: any string is a valid (possibly empty) filter.

export type CellValue = string | number | null | readonly string[];

export type FilterTerm = {
	field: string | null;
	value: string;
	negate: boolean;
	/** Smart case: a term with a capital letter matches case-sensitively. */
	caseSensitive: boolean;
};

export type Filter = {text: string; terms: FilterTerm[]};

/** Splits on spaces outside double quotes; an unclosed quote runs to the end. */
function tokenize(text: string): string[] {
	const tokens: string[] = [];
	let current = '';
	let quoted = false;
	let started = false;
	for (const character of text) {
		if (character === '"') {
			quoted = !quoted;
			started = true;
		} else if (!quoted && /\s/.test(character)) {
			if (started) tokens.push(current);
			current = '';
			started = false;
		} else {
			current += character;
			started = true;
		}
	}
	if (started) tokens.push(current);
	return tokens;
}

export function parseFilter(text: string): Filter {
	const terms: FilterTerm[] = [];
	for (const raw of tokenize(text)) {
		let token = raw;
		let negate = false;
		if (token.startsWith('!')) {
			negate = true;
			token = token.slice(1);
		}
		const fieldMatch = /^([A-Za-z][\w-]*):(.*)$/s.exec(token);
		const field = fieldMatch ? fieldMatch[1]!.toLowerCase() : null;
		const value = fieldMatch ? fieldMatch[2]! : token;
		if (value === '' && field === null) continue;
		terms.push({field, value, negate, caseSensitive: /\p{Lu}/u.test(value)});
	}
	return {text, terms};
}

export type FilterField<Row> = {key: string; aliases?: readonly string[]; value: (row: Row) => CellValue};

const cellText = (value: CellValue): string => (value === null ? '' : Array.isArray(value) ? value.join('\u0000') : String(value));

function contains(haystack: string, term: FilterTerm): boolean {
	if (term.value === '') return true;
	return term.caseSensitive ? haystack.includes(term.value) : haystack.toLowerCase().includes(term.value.toLowerCase());
}

export type CompiledFilter<Row> = {test: (row: Row) => boolean; unknownFields: string[]; filter: Filter};

/** Resolves field names once, so evaluation per row is only string work. */
export function compileFilter<Row>(filter: Filter, fields: readonly FilterField<Row>[]): CompiledFilter<Row> {
	const byName = new Map<string, FilterField<Row>>();
	for (const field of fields) {
		byName.set(field.key.toLowerCase(), field);
		for (const alias of field.aliases ?? []) byName.set(alias.toLowerCase(), field);
	}
	const unknownFields: string[] = [];
	const checks = filter.terms.map(term => {
		if (term.field === null) {
			return (row: Row) => fields.some(field => contains(cellText(field.value(row)), term)) !== term.negate;
		}
		const field = byName.get(term.field);
		if (!field) {
			unknownFields.push(term.field);
			return () => term.negate; // an unknown field matches nothing
		}
		return (row: Row) => contains(cellText(field.value(row)), term) !== term.negate;
	});
	return {test: row => checks.every(check => check(row)), unknownFields, filter};
}

/** True when every row matching `next` also matches `previous`, so `next` may search previous results only. */
export function isNarrowing(previous: Filter, next: Filter): boolean {
	if (next.terms.length < previous.terms.length) return false;
	return previous.terms.every((old, index) => {
		const term = next.terms[index]!;
		if (old.field !== term.field || old.negate !== term.negate) return false;
		if (old.negate) return old.value === term.value && old.caseSensitive === term.caseSensitive;
		if (old.caseSensitive && !term.caseSensitive) return false;
		return old.caseSensitive ? term.value.includes(old.value) : term.value.toLowerCase().includes(old.value.toLowerCase());
	});
}

export const filterSyntaxHelp = [
	'text       rows containing text (case-insensitive unless it has a capital)',
	'a b        rows matching a AND b',
	'!text      rows NOT containing text',
	'field:val  one column, e.g. jurisdiction:RU status:active',
	'f:"a b"    quoted values may contain spaces',
];
