// The TUI shell: one input handler that forwards raw keys to the reducer, the
// terminal size, and the side effects the reducer asks for (copy, quit).
import React, {useEffect, useReducer} from 'react';
import {Box, Text, useApp, useInput, useStdin, useStdout} from 'ink';
import type {KeyEvent} from './bindings.js';
import {DetailScreen} from './components/detail-screen.js';
import {HelpOverlay} from './components/help-overlay.js';
import {StatusBar} from './components/status-bar.js';
import {TabBar} from './components/tab-bar.js';
import {TableScreen} from './components/table-screen.js';
import {appReducer, initialState, minimumSize, type AppData, type Progress, type ViewName} from './state.js';

/** Refreshes every source, reporting progress; resolves with the new data and one line to show. */
export type RefreshHandler = (report: (progress: Progress) => void) => Promise<{data: AppData | null; message: string}>;

export type AppProps = {data: AppData; initialView?: ViewName; size?: {columns: number; rows: number}; onCopy?: (text: string) => void; onRefresh?: RefreshHandler};

const messageLifetimeMs = 4000;

export function App({data, initialView, size, onCopy, onRefresh}: AppProps): React.JSX.Element {
	const {stdout} = useStdout();
	const {isRawModeSupported} = useStdin();
	const {exit} = useApp();
	const startSize = size ?? {columns: stdout.columns || 80, rows: stdout.rows || 24};
	const [state, dispatch] = useReducer(appReducer, undefined, () => initialState(data, startSize, initialView));

	useEffect(() => {
		if (size) return;
		const onResize = () => dispatch({type: 'resize', columns: stdout.columns, rows: stdout.rows});
		stdout.on('resize', onResize);
		return () => void stdout.off('resize', onResize);
	}, [stdout, size]);

	useEffect(() => dispatch({type: 'data', data}), [data]);

	useInput(
		(input, key) => {
			const event: KeyEvent = {
				input, upArrow: key.upArrow, downArrow: key.downArrow, pageUp: key.pageUp, pageDown: key.pageDown,
				home: key.home, end: key.end, return: key.return, escape: key.escape, tab: key.tab, shift: key.shift,
				ctrl: key.ctrl, backspace: key.backspace, delete: key.delete,
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
		if (effect.kind === 'quit') exit();
		if (effect.kind === 'copy') onCopy?.(effect.text);
		if (effect.kind === 'refresh') {
			if (onRefresh) {
				onRefresh(progress => dispatch({type: 'progress', progress}))
					.then(({data: refreshed, message}) => {
						if (refreshed) dispatch({type: 'data', data: refreshed});
						dispatch({type: 'message', text: message});
					})
					.catch((error: unknown) => dispatch({type: 'message', text: `refresh failed: ${error instanceof Error ? error.message : String(error)}`}))
					.finally(() => dispatch({type: 'progress', progress: null}));
			} else {
				dispatch({type: 'progress', progress: null});
				dispatch({type: 'message', text: 'no sources configured: vendor-risk sources add URL|PATH'});
			}
		}
		dispatch({type: 'effectDone'});
	}, [state.effect, exit, onCopy, onRefresh]);

	useEffect(() => {
		if (!state.message) return;
		const id = state.message.id;
		const timer = setTimeout(() => dispatch({type: 'clearMessage', id}), messageLifetimeMs);
		return () => clearTimeout(timer);
	}, [state.message]);

	const {columns, rows} = state.size;
	if (columns < minimumSize.columns || rows < minimumSize.rows) {
		return <Text>{`terminal too small: need ${minimumSize.columns}x${minimumSize.rows}, have ${columns}x${rows}`}</Text>;
	}
	const bodyHeight = rows - 4;
	let body: React.JSX.Element;
	if (state.overlay === 'help') body = <HelpOverlay context={state.screen.kind === 'detail' ? 'detail' : 'table'} height={bodyHeight - 2} width={columns} />;
	else if (state.screen.kind === 'detail') body = <DetailScreen lines={state.screen.lines} scroll={state.screen.scroll} height={bodyHeight - 1} width={columns - 1} />;
	else body = <TableScreen state={state} />;
	return (
		<Box flexDirection="column" width={columns}>
			<TabBar state={state} />
			{body}
			<StatusBar state={state} />
		</Box>
	);
}
