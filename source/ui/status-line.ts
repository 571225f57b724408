// The status bar's text: view, shown/total/marked, filter, sort, the day judged
// and the data's own dates (its sources' and its compilation's), sources.
import stringWidth from 'string-width';
import type {ScreeningProgress} from '../app-context/index.js';
import {dataDates} from '../records/index.js';
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
	rules: 'Rules',
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
	rules: '8',
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
	rules: 'Rules',
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

const stageWords: Record<ScreeningProgress['stage'], string> = {
	indexing: 'indexing lists',
	searching: 'searching names',
	screening: 'screening',
};

/**
 * A screening in worker threads as the status bar's item, longest form first: a bar with
 * counts ("screening [████░░░░] 4,200/10,000"), the counts, then the percentage.
 */
export function screeningForms(progress: ScreeningProgress, barWidth = 10): string[] {
	const words = stageWords[progress.stage];
	if (progress.stage === 'indexing') return [`${words}…`];
	const fraction = progress.total ? Math.min(1, progress.done / progress.total) : 0;
	const filled = Math.round(fraction * barWidth);
	const counts = `${progress.done.toLocaleString('en')}/${progress.total.toLocaleString('en')}`;
	return [
		`${words} [${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ${counts}`,
		`${words} ${counts}`,
		`${words} ${Math.floor(fraction * 100)}%`,
	];
}

/** A right-hand item of the status bar: its text, or its forms from the longest to the shortest. */
export type StatusPart = string | readonly string[];

/**
 * The status bar as one line of `width` columns. The left part (view, counts,
 * filter, sort, errors) is what the reviewer acts on, so it keeps its room: the
 * right part's items (most important first) are dropped from the end until the
 * left fits, the items kept tried in their shorter forms first (all of them a step
 * shorter at a time), and only then is the left cut.
 */
export function composeStatus(left: string, rightParts: readonly StatusPart[], width: number): string {
	const widthOf = (text: string) => stringWidth(text);
	const formsOf = (part: StatusPart): readonly string[] => (typeof part === 'string' ? [part] : part);
	for (let kept = rightParts.length; kept >= 0; kept--) {
		const parts = rightParts.slice(0, kept).map(formsOf);
		const steps = Math.max(1, ...parts.map(forms => forms.length));
		for (let step = 0; step < steps; step++) {
			const shown = parts.map(forms => forms[Math.min(step, forms.length - 1)]!).filter(Boolean);
			const right = shown.length ? ` ${shown.join(' · ')} ` : '';
			if (widthOf(left) + widthOf(right) <= width) return fitText(left, width - widthOf(right)) + right;
		}
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
	/** A screening still running in worker threads; its hits are not in the tables yet. */
	screening?: ScreeningProgress | null;
};

export function statusLine<Row extends TableRow>({
	view,
	table,
	spec,
	data,
	queued,
	screening,
}: StatusFacts<Row>): {left: string; rightParts: StatusPart[]} {
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
	// The data's honest dates: how recent its sources are, not only when it was compiled.
	const dates = dataDates(data.catalog);
	const rightParts: StatusPart[] = [
		data.loading ? 'loading…' : '',
		// Before the queue: until it is done, the hits (and so the queue) are incomplete.
		screening ? screeningForms(screening) : '',
		// A shared log offline, or entries unsent: what the reviewer must know before trusting the queue.
		data.storeStatus?.length ? data.storeStatus : '',
		`queue ${queued}`,
		stale.length ? `${countOf(stale.length, 'source')} stale` : '',
		`as of ${data.asOf}`,
		[dates.label, dates.short],
	].filter(part => part.length > 0);
	return {left: ` ${parts.join(' · ')}`, rightParts};
}
