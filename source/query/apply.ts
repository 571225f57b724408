// Filter then sort, reusing the previous result when the new filter only narrows it
// (typing one more character searches the rows already shown, not all of them).
import {compileFilter, isNarrowing, parseFilter, type CellValue, type Filter, type FilterField} from './filter.js';
import {sortRows, type SortState} from './sort.js';

export type QueryResult<Row> = {
	rows: Row[];
	filter: Filter;
	sort: SortState | null;
	unknownFields: string[];
	/** The rows this result was filtered from (all rows), to detect a changed dataset. */
	source: readonly Row[];
};

export function applyQuery<Row>(
	allRows: readonly Row[],
	filterText: string,
	sort: SortState | null,
	fields: readonly (FilterField<Row> & {sortValue?: (row: Row) => CellValue})[],
	previous?: QueryResult<Row>,
): QueryResult<Row> {
	const filter = parseFilter(filterText);
	const compiled = compileFilter(filter, fields);
	const sameSort = previous && previous.sort?.column === sort?.column && previous.sort?.descending === sort?.descending;
	if (previous && previous.source === allRows && sameSort && previous.unknownFields.length === 0 && isNarrowing(previous.filter, filter)) {
		// The previous rows are already sorted; filtering keeps their order.
		return {rows: previous.rows.filter(compiled.test), filter, sort, unknownFields: compiled.unknownFields, source: allRows};
	}
	const filtered = filter.terms.length === 0 ? [...allRows] : allRows.filter(compiled.test);
	const column = sort ? fields.find(field => field.key === sort.column) : undefined;
	const rows = column && sort ? sortRows(filtered, column.sortValue ?? column.value, sort.descending) : filtered;
	return {rows, filter, sort, unknownFields: compiled.unknownFields, source: allRows};
}
