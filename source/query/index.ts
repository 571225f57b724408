export {
	parseFilter,
	compileFilter,
	isNarrowing,
	filterSyntaxHelp,
	filterSyntaxSummary,
	type Filter,
	type FilterTerm,
	type FilterField,
	type CellValue,
	type CompiledFilter,
} from './filter.js';
export {warmRowIndex} from './row-index.js';
export {compareCells, type SortState} from './sort.js';
export {applyQuery, QueryResult} from './apply.js';
