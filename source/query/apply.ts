// Filter then sort, reusing the previous result when the new filter only narrows it
// (typing one more character searches the rows already shown, not all of them).
// A negated term typed further widens the result ("!ne" to "!net" lets rows with
// "ne" back in), so the rows the other terms keep are remembered apart: the negated
// terms are then searched among those, not through every row again.
// A result is positions into its rows, not a copy of them: a keystroke at 100,000
// rows allocates one typed array and no objects per row.
import {compileForRows, isNarrowing, parseFilter, positiveTerms, type CellValue, type Filter, type FilterField} from './filter.js';
import {ranksOf, sortedOrder, type SortState} from './sort.js';

export class QueryResult<Row> {
	#rows: Row[] | undefined;

	constructor(
		/** The rows this result was filtered from (all rows), to detect a changed dataset. */
		readonly source: readonly Row[],
		readonly filter: Filter,
		readonly sort: SortState | null,
		readonly unknownFields: string[],
		/** The sorted order as positions in source, or null when source is shown as it is. */
		readonly order: Int32Array | null,
		/** Ranks (places in that order) of the matching rows, ascending, or null when every row matches. */
		readonly ranks: Int32Array | null,
		/** Ranks of the rows the filter's terms that are not negated keep, or null when that is every row. */
		readonly positiveRanks: Int32Array | null = ranks,
	) {}

	static empty<Row>(sort: SortState | null = null): QueryResult<Row> {
		return new QueryResult<Row>([], {text: '', terms: []}, sort, [], null, null);
	}

	/** How many rows match. */
	get count(): number {
		return this.ranks ? this.ranks.length : this.source.length;
	}

	/** The matching row at `position` (0 is the first shown). */
	rowAt(position: number): Row | undefined {
		if (position < 0 || position >= this.count) return undefined;
		const rank = this.ranks ? this.ranks[position]! : position;
		return this.source[this.order ? this.order[rank]! : rank];
	}

	/** Where row `sourcePosition` of the source is shown, or -1 when the filter leaves it out. */
	positionOfSource(sourcePosition: number): number {
		const rank = this.order ? ranksOf(this.order)[sourcePosition]! : sourcePosition;
		if (!this.ranks) return rank;
		let low = 0;
		let high = this.ranks.length - 1;
		while (low <= high) {
			const middle = (low + high) >>> 1;
			const found = this.ranks[middle]!;
			if (found === rank) return middle;
			if (found < rank) low = middle + 1;
			else high = middle - 1;
		}
		return -1;
	}

	/** The matching rows [from, to), e.g. the visible window. */
	slice(from: number, to: number): Row[] {
		const rows: Row[] = [];
		for (let position = Math.max(0, from); position < Math.min(to, this.count); position++) rows.push(this.rowAt(position)!);
		return rows;
	}

	/** All matching rows in order: built on first use, for callers that want a plain array. */
	get rows(): Row[] {
		return (this.#rows ??= this.slice(0, this.count));
	}
}

export function applyQuery<Row>(
	allRows: readonly Row[],
	filterText: string,
	sort: SortState | null,
	fields: readonly (FilterField<Row> & {sortValue?: (row: Row) => CellValue})[],
	previous?: QueryResult<Row>,
): QueryResult<Row> {
	const filter = parseFilter(filterText);
	const column = sort ? fields.find(field => field.key === sort.column) : undefined;
	const order = column && sort ? sortedOrder(allRows, column.sortValue ?? column.value, sort.descending) : null;
	if (filter.terms.length === 0) return new QueryResult(allRows, filter, sort, [], order, null);
	const {keep, unknownFields} = compileForRows(filter, allRows, fields);
	// The previous rows are in the same order; filtering them keeps it.
	const prior =
		previous && previous.source === allRows && previous.order === order && previous.unknownFields.length === 0 ? previous : null;
	const positive = positiveTerms(filter);
	let positiveRanks: Int32Array | null = null;
	if (positive.terms.length > 0) {
		// A previous result whose non-negated terms this filter's only narrow: their rows are searched, not every row.
		const within = prior && isNarrowing(positiveTerms(prior.filter), positive) ? prior : null;
		positiveRanks =
			within && isNarrowing(positive, positiveTerms(within.filter))
				? within.positiveRanks // The same terms: only a negated one changed.
				: keep(within ? within.positiveRanks : null, order, false);
	}
	const ranks = positive.terms.length < filter.terms.length ? keep(positiveRanks, order, true) : positiveRanks;
	return new QueryResult(allRows, filter, sort, unknownFields, order, ranks, positiveRanks);
}
