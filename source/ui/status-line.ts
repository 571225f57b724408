// The status bar's text: view, shown/total/marked, filter, sort, data as-of, sources.
import {tableSpecs, type AppState, type ViewName} from './state.js';

export const viewTitles: Record<ViewName, string> = {vendors: 'Vendors', jurisdictions: 'Jurisdictions', restrictions: 'Restrictions', entries: 'List entries'};
export const tabLabels: Record<ViewName, string> = {vendors: '1', jurisdictions: '2', restrictions: '3', entries: '4'};

export function statusLine(state: AppState): {left: string; right: string} {
	const table = state.tables[state.view];
	const sortColumn = tableSpecs[state.view].columns.find(column => column.key === table.sort?.column);
	const parts = [
		viewTitles[state.view],
		`${table.result.rows.length}/${table.rows.length} shown`,
		table.marks.size ? `${table.marks.size} marked` : '',
		table.filterText ? `filter: ${table.filterText}` : '',
		table.result.unknownFields.length ? `unknown field: ${table.result.unknownFields.join(', ')}` : '',
		sortColumn ? `sort: ${sortColumn.label}${table.sort?.descending ? '▼' : '▲'}` : '',
	].filter(Boolean);
	const stale = state.data.sources.filter(source => source.state !== 'ok');
	const right = [stale.length ? `${stale.length} source${stale.length > 1 ? 's' : ''} stale` : '', `as of ${state.data.asOf}`, `data ${state.data.catalog.dataAsOf}`].filter(Boolean).join(' · ');
	return {left: ` ${parts.join(' · ')}`, right: `${right} `};
}
