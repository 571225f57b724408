// Starts the TUI: paints the embedded (or --records) data first, then loads the
// cached sources and one-off --source reads, and refreshes sources on `r`.
import React from 'react';
import {render} from 'ink';
import {loadBaseContext, loadRunContext, type RunContext, type RunOptions} from '../app-context/index.js';
import {App, type RefreshHandler} from './app.js';
import type {AppData} from './state.js';

/** OSC 52 asks the terminal to put text on the clipboard; terminals that do not support it ignore it. */
const copyWithOsc52 = (text: string) => {
	if (process.stdout.isTTY) process.stdout.write(`\u001B]52;c;${Buffer.from(text).toString('base64')}\u0007`);
};

const toData = (context: RunContext): AppData => ({catalog: context.catalog, asOf: context.asOf, entries: context.entries, sources: context.sources});

export async function runTui(options: RunOptions): Promise<number> {
	const base = loadBaseContext(options);
	const onRefresh: RefreshHandler = async report => {
		const [{fetchAllSources}, {openSettings}] = await Promise.all([import('../sources/fetch/index.js'), import('../settings/index.js')]);
		const settings = openSettings();
		const sources = settings.get('sources');
		if (sources.length === 0) return {data: null, message: 'no sources configured: vendor-risk sources add URL|PATH'};
		const outcomes = await fetchAllSources(sources, {allowHttp: options.allowHttp, maxBytes: settings.get('maxDownloadBytes'), onProgress: report});
		const failed = outcomes.filter(outcome => outcome.status === 'failed');
		const context = await loadRunContext(options);
		return {data: toData(context), message: failed.length ? failed.map(outcome => outcome.line).join(' · ') : `refreshed ${outcomes.length} source${outcomes.length === 1 ? '' : 's'}`};
	};
	const app = (data: AppData) => <App data={data} onCopy={copyWithOsc52} onRefresh={onRefresh} />;
	// One-off --source reads must succeed before anything is shown (a bad one is exit 2);
	// otherwise the first frame shows the embedded data at once and the cache follows.
	const first = options.source?.length ? await loadRunContext(options) : loadBaseContext(options);
	const instance = render(app(toData(first)), {exitOnCtrlC: false});
	let failure: unknown;
	if (!options.source?.length) {
		loadRunContext(options).then(
			context => instance.rerender(app(toData(context))),
			(error: unknown) => {
				failure = error;
				instance.unmount();
			},
		);
	}
	await instance.waitUntilExit();
	if (failure) throw failure;
	return 0;
}
