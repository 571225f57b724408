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

export type CompiledFilter<Row> = {test: (row: Row) => boolean; unknownFields: string[]; filter: Filter};

type Haystack = {fields: readonly unknown[]; all: string; allLower: string; cells: string[]; cellsLower: string[]};

// Cell text per row, computed once: a keystroke at 100,000 rows must not
// re-read and lower-case every cell of every row.
const haystacks = new WeakMap<object, Haystack>();

function haystackOf<Row>(row: Row, fields: readonly FilterField<Row>[]): Haystack {
	const key = row as object;
	const cached = haystacks.get(key);
	if (cached && cached.fields === fields) return cached;
	const cells = fields.map(field => cellText(field.value(row)));
	const cellsLower = cells.map(cell => cell.toLowerCase());
	const haystack = {fields, cells, cellsLower, all: cells.join('\u0001'), allLower: cellsLower.join('\u0001')};
	if (typeof row === 'object' && row !== null) haystacks.set(key, haystack);
	return haystack;
}

const containsIn = (text: string, lower: string, term: FilterTerm) =>
	term.value === '' || (term.caseSensitive ? text.includes(term.value) : lower.includes(term.value.toLowerCase()));

/** Resolves field names once, so evaluation per row is only string work. */
export function compileFilter<Row>(filter: Filter, fields: readonly FilterField<Row>[]): CompiledFilter<Row> {
	const byName = new Map<string, number>();
	fields.forEach((field, index) => {
		byName.set(field.key.toLowerCase(), index);
		for (const alias of field.aliases ?? []) byName.set(alias.toLowerCase(), index);
	});
	const unknownFields: string[] = [];
	const checks = filter.terms.map(term => {
		if (term.field === null) {
			const probe = {...term, value: term.caseSensitive ? term.value : term.value.toLowerCase()};
			return (row: Row) => {
				const haystack = haystackOf(row, fields);
				return containsIn(haystack.all, haystack.allLower, probe) !== term.negate;
			};
		}
		const index = byName.get(term.field);
		if (index === undefined) {
			unknownFields.push(term.field);
			return () => term.negate; // an unknown field matches nothing
		}
		return (row: Row) => {
			const haystack = haystackOf(row, fields);
			return containsIn(haystack.cells[index]!, haystack.cellsLower[index]!, term) !== term.negate;
		};
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
