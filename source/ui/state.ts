// The TUI's state and its reducer. Keys arrive as raw events and are resolved
// here against the binding table, so the input handler never closes over state.
import {applyQuery, QueryResult, type SortState} from '../query/index.js';
import type {Catalog} from '../records/catalog.js';
import {
	changeTable,
	entryTable,
	jurisdictionRows,
	timelineRows,
	timelineTable,
	type ChangeRow,
	jurisdictionTable,
	restrictionRows,
	restrictionTable,
	vendorRows,
	vendorTable,
	queueRows,
	type Column,
	type DecisionSummary,
	type EntryRow,
	type HitSummary,
	type TableRow,
	type TableSpec,
	type TimelineRow,
	type VendorRow,
} from '../tables/index.js';
import {resolveCommand, viewKeys, type CommandName, type Context, type KeyEvent} from './bindings.js';
import {entryDetailLines, vendorDetailLines, type DetailLine, type DetailSection} from './detail-lines.js';
import {decisionFormKey, newDecisionForm, type DecisionForm, type DecisionSubmission} from './decision-form.js';

export const viewNames = ['dashboard', 'vendors', 'jurisdictions', 'restrictions', 'entries', 'changes', 'queue', 'timeline'] as const;
export type ViewName = (typeof viewNames)[number];

export type SourceState = {name: string; state: string; detail: string};

export type AppData = {
	catalog: Catalog;
	asOf: string;
	entries: EntryRow[];
	sources: SourceState[];
	decisionOf?: (vendorId: string) => DecisionSummary | null;
	/** Sections later capabilities add to a vendor's detail: decision history, screening hits (the focused one marked). */
	detailSections?: (vendorId: string, focusedHit?: string) => DetailSection[];
	hitsOf?: (vendorId: string) => HitSummary | null;
	/** What changed in the fetched lists since the previous fetch, with the vendors each change touches. */
	changes?: ChangeRow[];
	/** The list-entry ids of a vendor's hits, in the order the detail shows them. */
	hitIdsOf?: (vendorId: string) => string[];
	/** Problems with inputs that did not stop the run (bad inventory rows, source warnings): shown once at start. */
	warnings?: string[];
	/** True for the first frame's data, until the sources' cache and the decision log have loaded. */
	loading?: boolean;
	/** Why decisions cannot be saved (e.g. the log is corrupt and open read-only), or null. */
	readOnlyReason?: string | null;
};

export type TableState = {
	rows: readonly TableRow[];
	result: QueryResult<TableRow>;
	filterText: string;
	sort: SortState | null;
	selectedId: string | null;
	cursor: number;
	top: number;
	marks: ReadonlySet<string>;
	/** False for a view not opened yet: its rows are computed when it is first shown, not at start. */
	built: boolean;
};

export type Screen =
	| {kind: 'table'}
	| {
			kind: 'detail';
			title: string;
			copyText: string;
			lines: DetailLine[];
			scroll: number;
			vendorId?: string;
			hitIds: string[];
			hit: number;
	  };
export type Disposition = 'confirmed-match' | 'false-positive';
export type Overlay =
	| {kind: 'none'}
	| {kind: 'help'}
	| {kind: 'filter'}
	| {kind: 'decide'; form: DecisionForm}
	| {kind: 'dispose'; vendorId: string; entryId: string; disposition: Disposition; reason: string; error: string | null};
export type Effect =
	| {kind: 'copy'; text: string}
	| {kind: 'quit'}
	| {kind: 'refresh'}
	| {kind: 'decide'; submission: DecisionSubmission}
	| {kind: 'undo'; vendorId: string}
	| {kind: 'export'}
	| {kind: 'dispose'; vendorId: string; entryId: string; disposition: Disposition; reason: string}
	| null;
export type Progress = {source: string; transferred: number; total: number | null; rate: number};

export type AppState = {
	data: AppData;
	view: ViewName;
	tables: Record<ViewName, TableState>;
	screen: Screen;
	overlay: Overlay;
	size: {columns: number; rows: number};
	message: {text: string; id: number} | null;
	effect: Effect;
	/** A refresh in flight, with the download it is on. */
	progress: Progress | 'starting' | null;
	/** False until the keyboard is being read; the hint line waits for it so nobody types into the void. */
	inputReady: boolean;
};

export type Action =
	| {type: 'key'; event: KeyEvent}
	| {type: 'resize'; columns: number; rows: number}
	| {type: 'data'; data: AppData}
	| {type: 'message'; text: string}
	| {type: 'clearMessage'; id: number}
	| {type: 'effectDone'}
	| {type: 'progress'; progress: Progress | null}
	| {type: 'inputReady'};

export const tableSpecs: Record<ViewName, TableSpec<TableRow>> = {
	vendors: vendorTable as unknown as TableSpec<TableRow>,
	jurisdictions: jurisdictionTable as unknown as TableSpec<TableRow>,
	restrictions: restrictionTable as unknown as TableSpec<TableRow>,
	entries: entryTable as unknown as TableSpec<TableRow>,
	// The queue keeps its own order (severity, then date) until the reviewer sorts it.
	queue: {...(vendorTable as unknown as TableSpec<TableRow>), name: 'Review queue', defaultSort: null},
	timeline: timelineTable as unknown as TableSpec<TableRow>,
	changes: changeTable as unknown as TableSpec<TableRow>,
	// The dashboard draws charts, not rows; it has a table entry so every view shares one state shape.
	dashboard: {name: 'Dashboard', columns: [], defaultSort: null},
};

/** Lines the frame spends on chrome: tabs, table borders and heading, status bar, hint line, and one spare so the frame stays shorter than the terminal. */
export const chromeLines = 8;
export const minimumSize = {columns: 60, rows: 15};
/** Views that draw a line above their table (the timeline's monthly chart). */
export const headerLines = (view: ViewName) => (view === 'timeline' ? 1 : 0);
export const pageSize = (state: Pick<AppState, 'size' | 'view'>) => Math.max(1, state.size.rows - chromeLines - headerLines(state.view));
const detailPageSize = (state: Pick<AppState, 'size'>) => Math.max(1, state.size.rows - 5);

// The Vendors and Queue views share one set of row objects (and so their filter
// haystacks): at 100,000 vendors a second copy is real memory and garbage.
const vendorRowsCache = new WeakMap<AppData, VendorRow[]>();
function vendorRowsOf(data: AppData): VendorRow[] {
	let rows = vendorRowsCache.get(data);
	if (!rows) vendorRowsCache.set(data, (rows = vendorRows(data.catalog, data.asOf, data.decisionOf, data.hitsOf)));
	return rows;
}

function rowsFor(view: ViewName, data: AppData): readonly TableRow[] {
	switch (view) {
		case 'vendors':
			return vendorRowsOf(data);
		case 'jurisdictions':
			return jurisdictionRows(data.catalog, data.asOf);
		case 'restrictions':
			return restrictionRows(data.catalog, data.asOf);
		case 'entries':
			return data.entries;
		case 'queue':
			return queueRows(vendorRowsOf(data));
		case 'timeline':
			return timelineRows(data.catalog, data.asOf);
		case 'changes':
			return data.changes ?? [];
		case 'dashboard':
			return [];
	}
}

/** Kept for source/commands/list.ts until its import moves to source/tables/, which owns the queue order now. */
export {queueRows} from '../tables/index.js';

// Where each id first appears in a rows array, so keeping the selection at 100,000
// rows is a lookup, not a walk over every row object. An id on several rows
// (nothing says ids are unique) is marked, and found by that walk.
const firstPositions = new WeakMap<readonly TableRow[], Map<string, number>>();
const repeatedId = -1;

/** Builds the id lookup of `rows` ahead of the first keystroke (the TUI calls it when idle): ~40 ms at 100,000 rows. */
export function warmIdPositions(rows: readonly TableRow[]): Map<string, number> {
	let positions = firstPositions.get(rows);
	if (!positions) {
		positions = new Map();
		for (let position = 0; position < rows.length; position++) {
			const rowId = rows[position]!.id;
			positions.set(rowId, positions.has(rowId) ? repeatedId : position);
		}
		firstPositions.set(rows, positions);
	}
	return positions;
}

/** Where the first row with `id` is shown, or -1. */
function positionOfId(result: QueryResult<TableRow>, id: string): number {
	const first = warmIdPositions(result.source).get(id);
	if (first === undefined) return -1;
	if (first !== repeatedId) return result.positionOfSource(first);
	for (let position = 0, count = result.count; position < count; position++) if (result.rowAt(position)!.id === id) return position;
	return -1;
}

/** Keeps the selection on the same row (not the same index) when rows change. */
function reselect(table: TableState, result: QueryResult<TableRow>, page: number): TableState {
	const found = table.selectedId === null ? -1 : positionOfId(result, table.selectedId);
	const cursor = found >= 0 ? found : Math.max(0, Math.min(table.cursor, result.count - 1));
	return scrollIntoView({...table, result, cursor, selectedId: result.rowAt(cursor)?.id ?? null}, page);
}

function scrollIntoView(table: TableState, page: number): TableState {
	let top = table.top;
	if (table.cursor < top) top = table.cursor;
	if (table.cursor >= top + page) top = table.cursor - page + 1;
	top = Math.max(0, Math.min(top, Math.max(0, table.result.count - page)));
	return {...table, top};
}

function requery(
	view: ViewName,
	table: TableState,
	filterText: string,
	sort: SortState | null,
	page: number,
	rows = table.rows,
): TableState {
	const spec = tableSpecs[view];
	const result = applyQuery(rows, filterText, sort, spec.columns, rows === table.rows ? table.result : undefined);
	return reselect({...table, rows, filterText, sort}, result, page);
}

function freshTable(view: ViewName, data: AppData, page: number): TableState {
	const rows = rowsFor(view, data);
	const sort = tableSpecs[view].defaultSort;
	// The timeline opens on the next milestone to come, not on the oldest one.
	const selectedId =
		view === 'timeline'
			? ([...rows].sort((a, b) => ((a as TimelineRow).date < (b as TimelineRow).date ? -1 : 1)).find(row => (row as TimelineRow).days >= 0)
					?.id ?? null)
			: null;
	return requery(view, {...unbuiltTable(view), rows, selectedId, built: true}, '', sort, page, rows);
}

/** A hidden view's place until it is opened: at 100,000 vendors, building every view up front cost more than the one shown. */
function unbuiltTable(view: ViewName): TableState {
	const sort = tableSpecs[view].defaultSort;
	return {
		rows: [],
		result: QueryResult.empty(sort),
		filterText: '',
		sort,
		selectedId: null,
		cursor: 0,
		top: 0,
		marks: new Set(),
		built: false,
	};
}

/** The state with `view`'s table built from the current data, if it was not yet. */
function withTable(state: AppState, view: ViewName): AppState {
	if (state.tables[view].built) return state;
	return {...state, tables: {...state.tables, [view]: freshTable(view, state.data, pageSize({size: state.size, view}))}};
}

export function initialState(data: AppData, size: {columns: number; rows: number}, view: ViewName = 'vendors'): AppState {
	const tables = Object.fromEntries(viewNames.map(name => [name, unbuiltTable(name)])) as Record<ViewName, TableState>;
	const state: AppState = {
		data,
		view,
		tables,
		screen: {kind: 'table'},
		overlay: {kind: 'none'},
		size,
		message: null,
		effect: null,
		progress: null,
		inputReady: false,
	};
	// The queue is built up front too: the status bar and the dashboard show its size.
	return [view, 'queue' as const].reduce(withTable, state);
}

let messageCounter = 0;
const withMessage = (state: AppState, text: string): AppState => ({...state, message: {text, id: ++messageCounter}});

const updateTable = (state: AppState, update: (table: TableState) => TableState): AppState => ({
	...state,
	tables: {...state.tables, [state.view]: update(state.tables[state.view])},
});

function moveCursor(state: AppState, to: (table: TableState) => number): AppState {
	return updateTable(state, table => {
		const count = table.result.count;
		if (count === 0) return table;
		const cursor = Math.max(0, Math.min(count - 1, to(table)));
		return scrollIntoView({...table, cursor, selectedId: table.result.rowAt(cursor)!.id}, pageSize(state));
	});
}

function scrollDetail(state: AppState, to: (scroll: number, max: number) => number): AppState {
	if (state.screen.kind !== 'detail') return state;
	const max = Math.max(0, state.screen.lines.length - detailPageSize(state));
	return {...state, screen: {...state.screen, scroll: Math.max(0, Math.min(max, to(state.screen.scroll, max)))}};
}

function switchView(state: AppState, view: ViewName): AppState {
	return {...withTable(state, view), view, screen: {kind: 'table'}};
}

/** A vendor's detail screen, with one of its hits focused for x/n. */
function vendorDetail(data: AppData, vendorId: string, hit: number, scroll: number): Screen {
	const vendor = data.catalog.vendorById.get(vendorId);
	const hitIds = data.hitIdsOf?.(vendorId) ?? [];
	const lines = vendorDetailLines(data.catalog, vendorId, data.asOf, data.detailSections?.(vendorId, hitIds[hit]) ?? []);
	return {
		kind: 'detail',
		title: vendor?.name ?? vendorId,
		copyText: `${vendorId}\t${vendor?.name ?? ''}`,
		lines,
		scroll,
		vendorId,
		hitIds,
		hit,
	};
}

function openSelected(state: AppState): AppState {
	const table = state.tables[state.view];
	const row = table.result.rowAt(table.cursor);
	if (!row) return state;
	switch (state.view) {
		case 'jurisdictions': {
			return updateTable(switchView(state, 'vendors'), vendorTableState =>
				requery('vendors', vendorTableState, `hq:${row.id}`, vendorTableState.sort, pageSize(state)),
			);
		}
		case 'vendors':
		case 'queue':
		case 'restrictions':
		case 'timeline': {
			const vendorId = state.view === 'vendors' || state.view === 'queue' ? row.id : (row as TableRow & {vendorId: string}).vendorId;
			return {...state, screen: vendorDetail(state.data, vendorId, 0, 0)};
		}
		case 'changes': {
			const change = row as ChangeRow;
			const vendorId = change.vendors[0];
			if (vendorId && state.data.catalog.vendorById.has(vendorId)) return {...state, screen: vendorDetail(state.data, vendorId, 0, 0)};
			const entry = state.data.entries.find(candidate => candidate.id === change.entryId);
			return entry
				? {
						...state,
						screen: {
							kind: 'detail',
							title: entry.name,
							copyText: `${entry.id}\t${entry.name}`,
							lines: entryDetailLines(entry),
							scroll: 0,
							hitIds: [],
							hit: 0,
						},
					}
				: withMessage(state, `${change.name} is no longer in the lists`);
		}
		case 'dashboard':
			return state;
		case 'entries': {
			const entry = row as EntryRow;
			return {
				...state,
				screen: {
					kind: 'detail',
					title: entry.name,
					copyText: `${entry.id}\t${entry.name}`,
					lines: entryDetailLines(entry),
					scroll: 0,
					hitIds: [],
					hit: 0,
				},
			};
		}
	}
}

/** The vendor a decision or undo applies to: the open detail's, or the selected vendor row's. */
function selectedVendorId(state: AppState): string | null {
	if (state.screen.kind === 'detail') return state.screen.vendorId ?? null;
	if (state.view !== 'vendors' && state.view !== 'queue') return null;
	return state.tables[state.view].selectedId;
}

/** Marked vendors (bulk) or the one selected; a message when there is none. */
function decisionTargets(state: AppState): string[] | string {
	if (state.data.readOnlyReason) return state.data.readOnlyReason;
	if (state.screen.kind === 'table' && (state.view === 'vendors' || state.view === 'queue') && state.tables[state.view].marks.size > 0)
		return [...state.tables[state.view].marks];
	const vendorId = selectedVendorId(state);
	return vendorId ? [vendorId] : "decide from the Vendors view or a vendor's detail";
}

function cycleSort(state: AppState, reverse: boolean): AppState {
	const columns = tableSpecs[state.view].columns.filter((column: Column<TableRow>) => !column.hidden);
	const table = state.tables[state.view];
	let sort: SortState;
	if (reverse) sort = {column: table.sort?.column ?? columns[0]!.key, descending: !(table.sort?.descending ?? false)};
	else {
		const index = columns.findIndex(column => column.key === table.sort?.column);
		sort = {column: columns[(index + 1) % columns.length]!.key, descending: false};
	}
	const next = updateTable(state, current => requery(state.view, current, current.filterText, sort, pageSize(state)));
	const label = columns.find(column => column.key === sort.column)?.label ?? sort.column;
	return withMessage(next, `sorted by ${label} ${sort.descending ? '▼' : '▲'}`);
}

function copySelected(state: AppState): AppState {
	if (state.screen.kind === 'detail')
		return {
			...withMessage(state, `copied: ${state.screen.copyText.replace('\t', ' ')}`),
			effect: {kind: 'copy', text: state.screen.copyText},
		};
	const table = state.tables[state.view];
	const row = table.result.rowAt(table.cursor) as (TableRow & {name?: string}) | undefined;
	if (!row) return state;
	const text = `${row.id}\t${row.name ?? ''}`;
	return {...withMessage(state, `copied: ${row.id} ${row.name ?? ''}`), effect: {kind: 'copy', text}};
}

export function runCommand(state: AppState, command: CommandName, event: KeyEvent = {input: ''}): AppState {
	const context: Context = state.screen.kind === 'detail' ? 'detail' : 'table';
	const page = context === 'detail' ? detailPageSize(state) : pageSize(state);
	const inDetail = context === 'detail';
	switch (command) {
		case 'moveDown':
			return inDetail ? scrollDetail(state, scroll => scroll + 1) : moveCursor(state, table => table.cursor + 1);
		case 'moveUp':
			return inDetail ? scrollDetail(state, scroll => scroll - 1) : moveCursor(state, table => table.cursor - 1);
		case 'pageDown':
			return inDetail ? scrollDetail(state, scroll => scroll + page) : moveCursor(state, table => table.cursor + page);
		case 'pageUp':
			return inDetail ? scrollDetail(state, scroll => scroll - page) : moveCursor(state, table => table.cursor - page);
		case 'top':
			return inDetail ? scrollDetail(state, () => 0) : moveCursor(state, () => 0);
		case 'bottom':
			return inDetail ? scrollDetail(state, (_, max) => max) : moveCursor(state, table => table.result.count - 1);
		case 'showView': {
			const view = viewNames[viewKeys.indexOf(event.input as (typeof viewKeys)[number])];
			return view ? switchView(state, view) : state;
		}
		case 'nextView':
			return switchView(state, viewNames[(viewNames.indexOf(state.view) + 1) % viewNames.length]!);
		case 'previousView':
			return switchView(state, viewNames[(viewNames.indexOf(state.view) + viewNames.length - 1) % viewNames.length]!);
		case 'open':
			return openSelected(state);
		case 'back':
			if (inDetail) return {...state, screen: {kind: 'table'}};
			if (state.tables[state.view].filterText) return updateTable(state, table => requery(state.view, table, '', table.sort, page));
			return state;
		case 'quit':
			return {...state, effect: {kind: 'quit'}};
		case 'filter':
			return {...state, overlay: {kind: 'filter'}};
		case 'sortNext':
			return cycleSort(state, false);
		case 'sortReverse':
			return cycleSort(state, true);
		case 'mark': {
			const marked = updateTable(state, table => {
				if (!table.selectedId) return table;
				const marks = new Set(table.marks);
				if (marks.has(table.selectedId)) marks.delete(table.selectedId);
				else marks.add(table.selectedId);
				return {...table, marks};
			});
			return moveCursor(marked, table => table.cursor + 1);
		}
		case 'markAll':
			return updateTable(state, table => ({...table, marks: new Set([...table.marks, ...table.result.rows.map(row => row.id)])}));
		case 'clearMarks':
			return updateTable(state, table => ({...table, marks: new Set()}));
		case 'copy':
			return copySelected(state);
		case 'help':
			return {...state, overlay: {kind: 'help'}};
		case 'decide': {
			const targets = decisionTargets(state);
			if (typeof targets === 'string') return withMessage(state, targets);
			return {...state, overlay: {kind: 'decide', form: newDecisionForm(targets)}};
		}
		case 'undo': {
			const target = selectedVendorId(state);
			if (!target) return withMessage(state, 'select a vendor to undo its last decision');
			if (state.data.readOnlyReason) return withMessage(state, state.data.readOnlyReason);
			return {...state, effect: {kind: 'undo', vendorId: target}};
		}
		case 'export':
			return {...state, effect: {kind: 'export'}};
		case 'nextHit': {
			if (state.screen.kind !== 'detail' || !state.screen.vendorId || state.screen.hitIds.length === 0)
				return withMessage(state, 'no screening hits here');
			const hit = (state.screen.hit + 1) % state.screen.hitIds.length;
			const screen = vendorDetail(state.data, state.screen.vendorId, hit, state.screen.scroll);
			const focusLine = screen.kind === 'detail' ? screen.lines.findIndex(line => line.text.startsWith('▶ hit')) : -1;
			return {
				...state,
				screen:
					focusLine >= 0 && screen.kind === 'detail'
						? {...screen, scroll: Math.max(0, Math.min(focusLine, screen.lines.length - detailPageSize(state)))}
						: screen,
			};
		}
		case 'confirmHit':
		case 'dismissHit': {
			if (state.screen.kind !== 'detail' || !state.screen.vendorId || state.screen.hitIds.length === 0)
				return withMessage(state, 'open a vendor with screening hits to mark them');
			if (state.data.readOnlyReason) return withMessage(state, state.data.readOnlyReason);
			const disposition: Disposition = command === 'confirmHit' ? 'confirmed-match' : 'false-positive';
			return {
				...state,
				overlay: {
					kind: 'dispose',
					vendorId: state.screen.vendorId,
					entryId: state.screen.hitIds[state.screen.hit]!,
					disposition,
					reason: '',
					error: null,
				},
			};
		}
		case 'refresh':
			return state.progress
				? withMessage(state, 'a refresh is already running')
				: {...state, progress: 'starting', effect: {kind: 'refresh'}};
	}
}

function filterKey(state: AppState, event: KeyEvent): AppState {
	const page = pageSize(state);
	if (event.return) return {...state, overlay: {kind: 'none'}};
	if (event.escape)
		return updateTable({...state, overlay: {kind: 'none'}}, current => requery(state.view, current, '', current.sort, page));
	if (event.backspace || event.delete)
		return updateTable(state, current => requery(state.view, current, [...current.filterText].slice(0, -1).join(''), current.sort, page));
	if (event.ctrl && event.input === 'u') return updateTable(state, current => requery(state.view, current, '', current.sort, page));
	if (event.ctrl || !event.input) return state;
	return updateTable(state, current => requery(state.view, current, current.filterText + event.input, current.sort, page));
}

/** The one-line reason prompt of a hit disposition. */
function disposeKey(state: AppState, overlay: Extract<Overlay, {kind: 'dispose'}>, event: KeyEvent): AppState {
	if (event.escape) return {...state, overlay: {kind: 'none'}};
	if (event.return) {
		if (!overlay.reason.trim())
			return {...state, overlay: {...overlay, error: 'a reason is required: say why the hit is or is not this vendor'}};
		const {vendorId, entryId, disposition, reason} = overlay;
		return {...state, overlay: {kind: 'none'}, effect: {kind: 'dispose', vendorId, entryId, disposition, reason: reason.trim()}};
	}
	if (event.backspace || event.delete)
		return {...state, overlay: {...overlay, reason: [...overlay.reason].slice(0, -1).join(''), error: null}};
	if (event.ctrl || !event.input) return state;
	return {...state, overlay: {...overlay, reason: overlay.reason + event.input.replace(/[\r\n\t]/g, ' '), error: null}};
}

/** Keys that arrive glued together (fast typing, a paste) are split into single key events. */
function characterEvent(input: string): KeyEvent {
	if (input === '\r' || input === '\n') return {input: '', return: true};
	if (input === '\t') return {input: '', tab: true};
	if (input === '\u007F' || input === '\b') return {input: '', backspace: true};
	return {input};
}

function keyPressed(state: AppState, event: KeyEvent): AppState {
	const special =
		event.upArrow ||
		event.downArrow ||
		event.pageUp ||
		event.pageDown ||
		event.home ||
		event.end ||
		event.return ||
		event.escape ||
		event.tab ||
		event.ctrl;
	if (!special && event.input.length > 1) {
		// Keys glued together (fast typing, a paste) are replayed one by one, so a
		// "/" that opens the filter box hands the characters after it to the box.
		let next = state;
		for (const character of event.input) next = keyPressed(next, characterEvent(character));
		return next;
	}
	if (event.ctrl && event.input === 'c') return {...state, effect: {kind: 'quit'}};
	if (state.overlay.kind === 'filter') return filterKey(state, event);
	if (state.overlay.kind === 'help') return {...state, overlay: {kind: 'none'}};
	if (state.overlay.kind === 'dispose') return disposeKey(state, state.overlay, event);
	if (state.overlay.kind === 'decide') {
		const {form, submit} = decisionFormKey(state.overlay.form, event);
		const next: AppState = {...state, overlay: form ? {kind: 'decide', form} : {kind: 'none'}};
		return submit ? {...next, effect: {kind: 'decide', submission: submit}} : next;
	}
	const context: Context = state.screen.kind === 'detail' ? 'detail' : 'table';
	const command = resolveCommand(event, context);
	if (!command) return state;
	// q only quits from the top level; in a detail screen it goes back.
	if (command === 'quit' && event.input === 'q' && context === 'detail') return runCommand(state, 'back');
	return runCommand(state, command, event);
}

export function appReducer(state: AppState, action: Action): AppState {
	switch (action.type) {
		case 'key':
			return keyPressed(state, action.event);
		case 'resize': {
			const resized = {...state, size: {columns: action.columns, rows: action.rows}};
			return {
				...resized,
				tables: Object.fromEntries(
					viewNames.map(name => [name, scrollIntoView(state.tables[name], pageSize({...resized, view: name}))]),
				) as Record<ViewName, TableState>,
			};
		}
		case 'data': {
			// The App's mount effect hands back the data it started with: nothing to recompute.
			if (action.data === state.data) return state;
			const tables = Object.fromEntries(
				viewNames.map(name => {
					const table = state.tables[name];
					if (!table.built) return [name, table];
					return [
						name,
						{
							...requery(name, table, table.filterText, table.sort, pageSize({...state, view: name}), rowsFor(name, action.data)),
							marks: table.marks,
						},
					];
				}),
			) as Record<ViewName, TableState>;
			const screen =
				state.screen.kind === 'detail' && state.screen.vendorId
					? vendorDetail(action.data, state.screen.vendorId, state.screen.hit, state.screen.scroll)
					: state.screen;
			const next = {...state, data: action.data, tables, screen};
			const warnings = action.data.warnings ?? [];
			return warnings.length && warnings !== state.data.warnings
				? withMessage(next, `⚠ ${warnings[0]}${warnings.length > 1 ? ` (+${warnings.length - 1} more)` : ''}`)
				: next;
		}
		case 'message':
			return withMessage(state, action.text);
		case 'clearMessage':
			return state.message?.id === action.id ? {...state, message: null} : state;
		case 'effectDone':
			return {...state, effect: null};
		case 'progress':
			return {...state, progress: action.progress};
		case 'inputReady':
			return {...state, inputReady: true};
	}
}
