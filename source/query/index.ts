export {parseFilter, compileFilter, warmHaystacks, isNarrowing, filterSyntaxHelp, type Filter, type FilterTerm, type FilterField, type CellValue, type CompiledFilter} from './filter.js';
export {sortRows, compareCells, type SortState} from './sort.js';
export {applyQuery, type QueryResult} from './apply.js';
