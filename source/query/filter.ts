// The filter language shared by the TUI and `list --filter`:
//   smart-case substrings, space-separated terms ANDed, `!term` negates,
//   `field:value` matches one column, quoted values may contain spaces.
// Parsing never throws: any string is a valid (possibly empty) filter.
import {rowContains, rowIndexOf, rowsContaining, type RowIndex} from './row-index.js';

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

export type CompiledFilter<Row> = {test: (row: Row) => boolean; unknownFields: string[]; filter: Filter};

/** A term with its field resolved: -1 searches the whole row, null is an unknown field (matches nothing). */
type CompiledTerm = {field: number | null; needle: string; negate: boolean; caseSensitive: boolean};

/** Resolves field names once, so evaluation per row is only string work. */
function compileTerms<Row>(filter: Filter, fields: readonly FilterField<Row>[]): {terms: CompiledTerm[]; unknownFields: string[]} {
	const byName = new Map<string, number>();
	fields.forEach((field, index) => {
		byName.set(field.key.toLowerCase(), index);
		for (const alias of field.aliases ?? []) byName.set(alias.toLowerCase(), index);
	});
	const unknownFields: string[] = [];
	const terms = filter.terms.map(term => {
		const field = term.field === null ? -1 : (byName.get(term.field) ?? null);
		if (field === null) unknownFields.push(term.field!);
		return {
			field,
			needle: term.caseSensitive ? term.value : term.value.toLowerCase(),
			negate: term.negate,
			caseSensitive: term.caseSensitive,
		};
	});
	return {terms, unknownFields};
}

function termFound(index: RowIndex, row: number, term: CompiledTerm): boolean {
	return term.field !== null && rowContains(index, row, term.needle, term.field, term.caseSensitive);
}

/** Row `row` of an index against every term (ANDed). */
function rowMatches(index: RowIndex, row: number, terms: readonly CompiledTerm[]): boolean {
	for (const term of terms) if (termFound(index, row, term) === term.negate) return false;
	return true;
}

/** A filter ready to run over one rows array's index. */
export type RanksFilter = {
	/**
	 * The ranks (places in `order`, or row positions when it is null) among `candidates` (null: every row) whose rows
	 * match, ascending. `negated`: only the negated terms (true) or only the others (false); every term when undefined.
	 */
	keep: (candidates: Int32Array | null, order: Int32Array | null, negated?: boolean) => Int32Array;
	unknownFields: string[];
};

export function compileForRows<Row>(filter: Filter, rows: readonly Row[], fields: readonly FilterField<Row>[]): RanksFilter {
	const compiled = compileTerms(filter, fields);
	const {unknownFields} = compiled;
	const index = rowIndexOf(rows, fields);
	const keep = (candidates: Int32Array | null, order: Int32Array | null, negated?: boolean) => {
		const terms = negated === undefined ? compiled.terms : compiled.terms.filter(term => term.negate === negated);
		const total = candidates ? candidates.length : rows.length;
		// Many candidates: each term searched through every block once. Few: each candidate's own text.
		const hits =
			total * 8 > rows.length
				? terms.map(term => (term.field === null ? null : rowsContaining(index, term.needle, term.field, term.caseSensitive)))
				: null;
		const matches = (row: number) => {
			if (!hits) return rowMatches(index, row, terms);
			for (let term = 0; term < terms.length; term++) if ((hits[term]?.[row] === 1) === terms[term]!.negate) return false;
			return true;
		};
		const kept = new Int32Array(total);
		let length = 0;
		for (let at = 0; at < total; at++) {
			const rank = candidates ? candidates[at]! : at;
			if (matches(order ? order[rank]! : rank)) kept[length++] = rank;
		}
		return length === kept.length ? kept : kept.slice(0, length);
	};
	return {keep, unknownFields};
}

/** A filter as a test of single rows (each row indexed on its own): for tests and small lists. */
export function compileFilter<Row>(filter: Filter, fields: readonly FilterField<Row>[]): CompiledFilter<Row> {
	const {terms, unknownFields} = compileTerms(filter, fields);
	return {test: row => rowMatches(rowIndexOf([row], fields), 0, terms), unknownFields, filter};
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

/** The filter's terms that are not negated: the rows they keep only shrink as a term is typed further. */
export function positiveTerms(filter: Filter): Filter {
	return {text: filter.text, terms: filter.terms.filter(term => !term.negate)};
}

/** The same in one line, for a help screen too short for the table above. */
export const filterSyntaxSummary = 'text · a b (AND) · !text (NOT) · field:val · f:"a b"';

export const filterSyntaxHelp = [
	'text       rows containing text (case-insensitive unless it has a capital)',
	'a b        rows matching a AND b',
	'!text      rows NOT containing text',
	'field:val  one column, e.g. jurisdiction:RU status:active',
	'f:"a b"    quoted values may contain spaces',
];
