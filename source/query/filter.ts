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

/** All of a row's cell texts joined, as written and lower-cased, with where each cell starts. */
type Haystack = {fields: readonly unknown[]; all: string; allLower: string; starts: Int32Array; startsLower: Int32Array};

// Built once per row: a keystroke at 100,000 rows must not re-read and lower-case
// every cell of every row. One joined string per row (not one per cell) keeps
// memory and garbage low; a field term searches only its cell's span.
const haystacks = new WeakMap<object, Haystack>();
const separator = '\u0001';

function haystackOf<Row>(row: Row, fields: readonly FilterField<Row>[]): Haystack {
	const key = row as object;
	const cached = haystacks.get(key);
	if (cached && cached.fields === fields) return cached;
	const starts = new Int32Array(fields.length + 1);
	// Lower-casing can change a cell's length (İ becomes two code units), so it keeps its own spans.
	const startsLower = new Int32Array(fields.length + 1);
	let all = '';
	let allLower = '';
	for (let index = 0; index < fields.length; index++) {
		if (index > 0) {
			all += separator;
			allLower += separator;
		}
		starts[index] = all.length;
		startsLower[index] = allLower.length;
		const cell = cellText(fields[index]!.value(row));
		all += cell;
		allLower += cell.toLowerCase();
	}
	starts[fields.length] = all.length + 1;
	startsLower[fields.length] = allLower.length + 1;
	const haystack = {fields, all, allLower, starts, startsLower};
	if (typeof row === 'object' && row !== null) haystacks.set(key, haystack);
	return haystack;
}

/** Builds the haystacks of rows [from, to) ahead of the first keystroke (the TUI calls it when idle). */
export function warmHaystacks<Row>(rows: readonly Row[], fields: readonly FilterField<Row>[], from: number, to: number): void {
	for (let index = from; index < Math.min(to, rows.length); index++) haystackOf(rows[index]!, fields);
}

/** Whether `needle` occurs inside [start, end) of `text`: the first match at or after start decides. */
function occursWithin(text: string, needle: string, start: number, end: number): boolean {
	const at = text.indexOf(needle, start);
	return at !== -1 && at + needle.length <= end;
}

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
			const needle = term.caseSensitive ? term.value : term.value.toLowerCase();
			return (row: Row) => {
				const haystack = haystackOf(row, fields);
				return (term.caseSensitive ? haystack.all : haystack.allLower).includes(needle) !== term.negate;
			};
		}
		const index = byName.get(term.field);
		if (index === undefined) {
			unknownFields.push(term.field);
			return () => term.negate; // an unknown field matches nothing
		}
		const needle = term.caseSensitive ? term.value : term.value.toLowerCase();
		return (row: Row) => {
			if (needle === '') return !term.negate;
			const haystack = haystackOf(row, fields);
			const [text, starts] = term.caseSensitive ? [haystack.all, haystack.starts] : [haystack.allLower, haystack.startsLower];
			return occursWithin(text, needle, starts[index]!, starts[index + 1]! - 1) !== term.negate;
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
