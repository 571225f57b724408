// The status bar's text: view, shown/total/marked, filter, sort, data as-of, sources.
import stringWidth from 'string-width';
import {fitText, type TableRow, type TableSpec} from '../tables/index.js';
import {countOf} from '../text/index.js';
import type {AppData, Progress} from './app-data.js';
import type {TableState} from './table-state.js';
import type {ViewName} from './views.js';

export const viewTitles: Record<ViewName, string> = {
	dashboard: 'Dashboard',
	vendors: 'Vendors',
	jurisdictions: 'Jurisdictions',
	restrictions: 'Restrictions',
	entries: 'List entries',
	changes: 'Changes',
	queue: 'Queue',
	timeline: 'Timeline',
};
export const tabLabels: Record<ViewName, string> = {
	dashboard: '0',
	vendors: '1',
	jurisdictions: '2',
	restrictions: '3',
	entries: '4',
	changes: '5',
	queue: '6',
	timeline: '7',
};
/** Short tab names, so every tab fits at 80 columns. */
export const tabTitles: Record<ViewName, string> = {
	dashboard: 'Dash',
	vendors: 'Vendors',
	jurisdictions: 'Juris',
	restrictions: 'Restr',
	entries: 'Entries',
	changes: 'Changes',
	queue: 'Queue',
	timeline: 'Time',
};

const bytes = (value: number) => (value >= 1048576 ? `${(value / 1048576).toFixed(1)} MiB` : `${Math.round(value / 1024)} KiB`);

/** A text progress bar: readable without colour. */
export function progressText(progress: Progress | 'starting', width = 20): string {
	if (progress === 'starting') return 'refreshing sources…';
	const fraction = progress.total ? Math.min(1, progress.transferred / progress.total) : 0;
	const filled = Math.round(fraction * width);
	const bar = progress.total ? `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ` : '';
	return `${progress.source}: ${bar}${bytes(progress.transferred)}${progress.total ? ` of ${bytes(progress.total)}` : ''} at ${bytes(progress.rate)}/s`;
}

/**
 * The status bar as one line of `width` columns. The left part (view, counts,
 * filter, sort, errors) is what the reviewer acts on, so it keeps its room: the
 * right part's items (most important first) are dropped from the end until the
 * left fits, and only then is the left cut.
 */
export function composeStatus(left: string, rightParts: readonly string[], width: number): string {
	const widthOf = (text: string) => stringWidth(text);
	for (let kept = rightParts.length; kept >= 0; kept--) {
		const right = kept ? ` ${rightParts.slice(0, kept).join(' · ')} ` : '';
		if (widthOf(left) + widthOf(right) <= width) return fitText(left, width - widthOf(right)) + right;
	}
	return fitText(left, width);
}

/** What the status line tells: the view and its table, and the data's facts on the right. */
export type StatusFacts<Row extends TableRow> = {
	view: ViewName;
	table: TableState<Row>;
	spec: TableSpec<Row>;
	data: AppData;
	/** Vendors in the review queue. */
	queued: number;
};

export function statusLine<Row extends TableRow>({
	view,
	table,
	spec,
	data,
	queued,
}: StatusFacts<Row>): {left: string; rightParts: string[]} {
	const sortColumn = spec.columns.find(column => column.key === table.sort?.column);
	const parts =
		view === 'dashboard'
			? [viewTitles.dashboard]
			: [
					viewTitles[view],
					`${table.result.count}/${table.rows.length} shown`,
					table.marks.size ? `${table.marks.size} marked` : '',
					table.filterText ? `filter: ${table.filterText}` : '',
					table.result.unknownFields.length ? `unknown field: ${table.result.unknownFields.join(', ')}` : '',
					sortColumn ? `sort: ${sortColumn.label}${table.sort?.descending ? '▼' : '▲'}` : '',
				].filter(Boolean);
	const stale = data.sources.filter(source => source.state !== 'ok');
	const dataAsOf = data.catalog.dataAsOf;
	const rightParts = [
		data.loading ? 'loading…' : '',
		`queue ${queued}`,
		stale.length ? `${countOf(stale.length, 'source')} stale` : '',
		`as of ${data.asOf}`,
		dataAsOf !== data.asOf ? `data ${dataAsOf}` : '',
	].filter(Boolean);
	return {left: ` ${parts.join(' · ')}`, rightParts};
}
