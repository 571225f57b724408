// Starts the TUI on a loaded run context and resolves with the exit code.
import React from 'react';
import {render} from 'ink';
import type {RunContext} from '../app-context/index.js';
import {App} from './app.js';
import type {AppData} from './state.js';

/** OSC 52 asks the terminal to put text on the clipboard; terminals that do not support it ignore it. */
const copyWithOsc52 = (text: string) => {
	if (process.stdout.isTTY) process.stdout.write(`\u001B]52;c;${Buffer.from(text).toString('base64')}\u0007`);
};

export async function runTui(context: RunContext): Promise<number> {
	const data: AppData = {catalog: context.catalog, asOf: context.asOf, entries: context.entries, sources: context.sources};
	const instance = render(<App data={data} onCopy={copyWithOsc52} />, {exitOnCtrlC: false});
	await instance.waitUntilExit();
	return 0;
}
