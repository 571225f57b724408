// The TUI shell: one input handler that forwards raw keys (and bracketed
// pastes, as one piece of text) to the reducer, the terminal size, and the side
// effects the reducer asks for (copy, quit, save preferences).
import React, {useCallback, useEffect, useReducer, useState} from 'react';
import {Box, Text, useApp, useInput, useStdin, useStdout} from 'ink';
import type {ScreeningProgress} from '../app-context/index.js';
import {keyHint, type Binding, type KeyEvent} from './bindings.js';
import type {AppData, Progress} from './app-data.js';
import {withMessage, type AppState} from './app-state.js';
import {useBracketedPaste} from './bracketed-paste.js';
import {ColumnChooserView} from './components/column-chooser.js';
import {DecisionFormView} from './components/decision-form.js';
import {FrequencyScreen} from './components/frequency-screen.js';
import {Dashboard} from './components/dashboard.js';
import {DetailScreen} from './components/detail-screen.js';
import {HelpOverlay} from './components/help-overlay.js';
import {HintLine} from './components/hint-line.js';
import {StatusBar} from './components/status-bar.js';
import {TabBar} from './components/tab-bar.js';
import {TableScreen} from './components/table-screen.js';
import type {CountersignRequest} from './countersign-prompt.js';
import type {DecisionSubmission} from './decision-form.js';
import type {HitDispositionRequest} from './hit-prompt.js';
import {detailViewport, frequencyPageSize, minimumSize, pageSize} from './layout.js';
import type {Preferences} from './preferences.js';
import {pushNeedsSharedStore} from './review-commands.js';
import {appReducer, initialState, type Action} from './state.js';
import {viewTitles} from './status-line.js';
import {warmIdPositions} from './table-state.js';
import {emptyHint, lineAboveTable} from './table-frame.js';
import {defaultTheme, ThemeContext, type Theme} from './theme.js';
import {shownSpec, viewTable, type ViewName} from './views.js';
import {warmRowIndex} from '../query/index.js';

/** What a side effect returns: new data (or null to keep the current) and one line to show (empty: keep the line as it is). */
export type ActionResult = {data: AppData | null; message: string};

/** The app's side effects, supplied by the caller so the UI never touches files or the network itself. */
export type AppActions = {
	refresh?: (report: (progress: Progress) => void) => Promise<ActionResult>;
	decide?: (submission: DecisionSubmission) => Promise<ActionResult>;
	/** Signs off a pending decision as the reviewer running the app. */
	countersign?: (request: CountersignRequest) => Promise<ActionResult>;
	undo?: (vendorId: string) => Promise<ActionResult>;
	exportLog?: () => Promise<ActionResult>;
	/** Sends a shared log's outbox, as `vendor-risk log push` does. */
	push?: () => Promise<ActionResult>;
	dispose?: (request: HitDispositionRequest) => Promise<ActionResult>;
	/** Keeps the columns and saved views in the config file. */
	savePreferences?: (preferences: Preferences) => Promise<ActionResult>;
};

/** News the app did not ask for: new data, a line to show, and where a screening in worker threads is (null: finished). */
export type AppUpdate = ActionResult & {screening?: ScreeningProgress | null};

/**
 * News the app did not ask for (a teammate's decision, the shared log going offline, a screening's
 * progress and hits): the caller calls the listener with each update; returns the unsubscribe.
 */
export type LiveUpdates = (listener: (update: AppUpdate) => void) => () => void;

/** What the config file sets up before the first frame: remapped keys, the theme, columns and saved views, and what in it was ignored. */
export type TuiSetup = {keymap?: readonly Binding[]; theme?: Theme; preferences?: Preferences; problems?: readonly string[]};

export type AppProps = {
	data: AppData;
	initialView?: ViewName;
	size?: {columns: number; rows: number};
	onCopy?: (text: string) => void;
	actions?: AppActions;
	setup?: TuiSetup;
	updates?: LiveUpdates;
	/** Hears each data the App has drawn, once the frame with it is out: the TUI's start screens only then (run.tsx). */
	onShown?: (data: AppData) => void;
};

const messageLifetimeMs = 4000;

/** Applies an action's result: new data, then its one-line message (errors become messages too). */
function settle(
	dispatch: (action: Action) => void,
	pending: Promise<ActionResult> | undefined,
	unavailable: string,
	clearsProgress = false,
): void {
	const done = () => clearsProgress && dispatch({type: 'progress', progress: null});
	if (!pending) {
		done();
		dispatch({type: 'message', text: unavailable});
		return;
	}
	pending
		.then(({data, message}) => {
			if (data) dispatch({type: 'data', data});
			if (message) dispatch({type: 'message', text: message});
		})
		.catch((error: unknown) => dispatch({type: 'message', text: `✗ ${error instanceof Error ? error.message : String(error)}`}))
		.finally(done);
}

/** The first state, with a word on anything in the config file that was ignored. */
function startState(data: AppData, size: {columns: number; rows: number}, view: ViewName | undefined, setup: TuiSetup): AppState {
	const state = initialState(data, size, view, setup);
	const problems = setup.problems ?? [];
	return problems.length ? withMessage(state, `⚠ ${problems.length > 1 ? `(1 of ${problems.length}) ` : ''}${problems[0]}`, true) : state;
}

const screenHints = {
	table: [
		['help', 'help'],
		['filter', 'filter'],
		['sortNext', 'sort'],
		['open', 'open'],
		['nextView', 'views'],
		['quit', 'quit'],
	],
	detail: [
		['moveDown', 'move'],
		['open', 'go to'],
		['copy', 'copy'],
		['back', 'back'],
		['help', 'help'],
	],
	frequency: [
		['open', 'filter to value'],
		['nextColumn', 'next column'],
		['back', 'back'],
		['help', 'help'],
	],
} as const;

export function App({data, initialView, size, onCopy, actions = {}, setup = {}, updates, onShown}: AppProps): React.JSX.Element {
	const {stdout} = useStdout();
	const {isRawModeSupported} = useStdin();
	const {exit} = useApp();
	const startSize = size ?? {columns: stdout.columns || 80, rows: stdout.rows || 24};
	const [state, dispatch] = useReducer(appReducer, undefined, () => startState(data, startSize, initialView, setup));
	const paste = useBracketedPaste(
		isRawModeSupported === true,
		useCallback((text: string) => dispatch({type: 'paste', text}), []),
	);

	useEffect(() => {
		if (size) return;
		const onResize = () => dispatch({type: 'resize', columns: stdout.columns, rows: stdout.rows});
		stdout.on('resize', onResize);
		return () => void stdout.off('resize', onResize);
	}, [stdout, size]);

	// New data is taken in while the App renders, not in an effect after its commit: the frame with the
	// old data is not drawn once more before the new one (at 10,000 rows, a whole frame's work).
	const [takenData, setTakenData] = useState(data);
	if (data !== takenData) {
		setTakenData(data);
		dispatch({type: 'data', data});
	}
	// Effects run after the commit, and Ink writes a frame at its commit (or, within 33 ms of the last, a moment later).
	useEffect(() => {
		onShown?.(state.data);
	}, [state.data, onShown]);

	// New data goes through the same reducer step as an action's: the view, filter, selection and open detail stay.
	useEffect(
		() =>
			updates?.(update => {
				if (update.data) dispatch({type: 'data', data: update.data});
				if (update.message) dispatch({type: 'message', text: update.message});
				if (update.screening !== undefined) dispatch({type: 'screening', progress: update.screening});
			}),
		[updates],
	);

	useInput(
		(input, key) => {
			if (paste.taken()) return;
			// Ink reads an Esc and a Ctrl-C that arrive in one read as one sequence and hands on the bare
			// Ctrl-C byte, not as Ctrl-C: read it as Ctrl-C, which must always quit.
			const bareCtrlC = input === '\u0003' && !key.ctrl;
			const event: KeyEvent = {
				input: bareCtrlC ? 'c' : input,
				upArrow: key.upArrow,
				downArrow: key.downArrow,
				leftArrow: key.leftArrow,
				rightArrow: key.rightArrow,
				pageUp: key.pageUp,
				pageDown: key.pageDown,
				home: key.home,
				end: key.end,
				return: key.return,
				escape: key.escape,
				tab: key.tab,
				shift: key.shift,
				ctrl: key.ctrl || bareCtrlC,
				meta: key.meta,
				backspace: key.backspace,
				delete: key.delete,
			};
			dispatch({type: 'key', event});
		},
		{isActive: isRawModeSupported === true},
	);
	// Runs after useInput's own effect has switched the terminal to raw mode.
	useEffect(() => {
		if (isRawModeSupported === true) dispatch({type: 'inputReady'});
	}, [isRawModeSupported]);

	useEffect(() => {
		const effect = state.effect;
		if (!effect) return;
		dispatch({type: 'effectDone'});
		if (effect.kind === 'quit') exit();
		else if (effect.kind === 'copy') onCopy?.(effect.text);
		else if (effect.kind === 'refresh')
			settle(
				dispatch,
				actions.refresh?.(progress => dispatch({type: 'progress', progress})),
				'no sources configured: vendor-risk sources add URL|PATH',
				true,
			);
		else if (effect.kind === 'decide') settle(dispatch, actions.decide?.(effect.submission), 'decisions cannot be saved here');
		else if (effect.kind === 'countersign') settle(dispatch, actions.countersign?.(effect), 'decisions cannot be countersigned here');
		else if (effect.kind === 'undo') settle(dispatch, actions.undo?.(effect.vendorId), 'decisions cannot be undone here');
		else if (effect.kind === 'dispose') settle(dispatch, actions.dispose?.(effect), 'hits cannot be marked here');
		else if (effect.kind === 'export') settle(dispatch, actions.exportLog?.(), 'the decision log cannot be exported here');
		else if (effect.kind === 'push') settle(dispatch, actions.push?.(), pushNeedsSharedStore);
		else if (effect.kind === 'savePreferences')
			settle(dispatch, actions.savePreferences?.(effect.preferences), 'kept for this session only (no config file here)');
	}, [state.effect, exit, onCopy, actions]);

	// Index the current view's rows for filtering in small idle slices, then their ids
	// for keeping the selection, so the first keystroke at 100,000 rows pays for neither.
	const shown = viewTable(state.tables, state.view);
	const viewRows = shown.table.rows;
	const viewFields = shown.spec.columns;
	useEffect(() => {
		let timer: NodeJS.Immediate | undefined;
		const slice = () => {
			if (!warmRowIndex(viewRows, viewFields)) timer = setImmediate(slice);
			else warmIdPositions(viewRows);
		};
		timer = setImmediate(slice);
		return () => clearImmediate(timer);
	}, [viewRows, viewFields]);

	useEffect(() => {
		if (!state.message || state.message.sticky) return;
		const id = state.message.id;
		const timer = setTimeout(() => dispatch({type: 'clearMessage', id}), messageLifetimeMs);
		return () => clearTimeout(timer);
	}, [state.message]);

	const {columns, rows} = state.size;
	if (columns < minimumSize.columns || rows < minimumSize.rows) {
		return <Text>{`terminal too small: need ${minimumSize.columns}x${minimumSize.rows}, have ${columns}x${rows}`}</Text>;
	}
	const hint = keyHint(state.keymap, state.screen.kind, screenHints[state.screen.kind]);
	return (
		<ThemeContext.Provider value={setup.theme ?? defaultTheme}>
			<Box flexDirection="column" width={columns}>
				<TabBar view={state.view} detailTitle={state.screen.kind === 'detail' ? state.screen.title : null} width={columns} />
				<Body state={state} />
				<StatusBar
					view={state.view}
					{...viewTable(state.tables, state.view)}
					data={state.data}
					queued={state.tables.queue.rows.length}
					screening={state.screening}
					width={columns}
				/>
				<HintLine
					overlay={state.overlay}
					progress={state.progress}
					message={state.message?.text ?? null}
					inputReady={state.inputReady}
					hint={hint}
					width={columns}
				/>
			</Box>
		</ThemeContext.Provider>
	);
}

/** Between the tabs and the status bar: the decision form or the help over the screen, else the screen. */
function Body({state}: {state: AppState}): React.JSX.Element {
	const {columns, rows} = state.size;
	const bodyHeight = rows - 4;
	if (state.overlay.kind === 'decide') {
		const names = state.overlay.form.vendorIds.map(id => state.data.catalog.vendorById.get(id)?.name ?? id);
		return <DecisionFormView form={state.overlay.form} vendorNames={names} width={columns} height={bodyHeight} keymap={state.keymap} />;
	}
	if (state.overlay.kind === 'help')
		return <HelpOverlay context={state.screen.kind} keymap={state.keymap} height={bodyHeight - 2} width={columns} />;
	if (state.overlay.kind === 'columns')
		return <ColumnChooserView chooser={state.overlay.chooser} viewTitle={viewTitles[state.view]} width={columns} height={bodyHeight} />;
	if (state.screen.kind === 'detail') return <DetailScreen detail={state.screen} viewport={detailViewport(state.size)} />;
	if (state.screen.kind === 'frequency')
		return (
			<FrequencyScreen frequency={state.screen} viewTitle={viewTitles[state.view]} width={columns} page={frequencyPageSize(state.size)} />
		);
	if (state.view === 'dashboard') return <Dashboard data={state.data} queued={state.tables.queue.rows.length} size={state.size} />;
	const table = state.tables[state.view];
	const spec = shownSpec(state.preferences, state.view);
	return (
		<TableScreen
			table={table}
			spec={spec}
			width={columns}
			page={pageSize(state)}
			above={lineAboveTable(state.tables, state.view, columns, state.data)}
			emptyHint={emptyHint(state.view, table.filterText)}
		/>
	);
}
