#!/usr/bin/env node
// Arguments and dispatch only. Every command is imported lazily, so --help and
// --version never load Ink, React, got or conf.
import {Command, Option} from 'commander';
import {exitCodeOf, UserInputError} from './source/errors/index.js';

declare const VENDOR_RISK_VERSION: string;

// chalk ignores NO_COLOR on its own; Ink reads FORCE_COLOR when it loads.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

const program = new Command();
let debug = process.argv.includes('--debug');

function fail(error: unknown): never {
	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(`vendor-risk: ${message}\n`);
	if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
	process.exit(exitCodeOf(error));
}

/** Runs an action and exits with its code; errors become one line (a stack only with --debug). */
const action = <Args extends unknown[]>(run: (...args: Args) => Promise<number>) => async (...args: Args) => {
	try {
		process.exitCode = await run(...args);
	} catch (error) {
		fail(error);
	}
};

type GlobalOptions = {records?: string; source?: string[]; inventory?: string; asOf?: string; debug?: boolean; allowHttp?: boolean; format?: string};
const globals = (): GlobalOptions => program.opts<GlobalOptions>();
const collect = (value: string, previous: string[] = []) => [...previous, value];

program
	.name('vendor-risk')
	.description('Triage the vendors your organisation depends on against sanctions, export-control and procurement restrictions.\nWith no command, opens the terminal UI.')
	.version(typeof VENDOR_RISK_VERSION === 'string' ? VENDOR_RISK_VERSION : '0.0.0-dev', '-v, --version')
	.option('--records <file>', 'load a native records document instead of the embedded dataset')
	.option('--source <file-or-url>', 'read a list or records source once, without saving it (repeatable)', collect)
	.option('--inventory <file>', 'your vendor inventory (CSV or JSON)')
	.option('--as-of <date>', 'judge restriction status on this day (YYYY-MM-DD) instead of today')
	.option('--allow-http', 'allow plain http for non-loopback hosts')
	.option('--debug', 'print stack traces on errors')
	.addHelpText('after', '\nExit codes: 0 ok · 1 finding or failure · 2 bad usage or input\nEnvironment: VENDOR_RISK_HOME moves config, cache and data; NO_COLOR disables colour.')
	.showSuggestionAfterError()
	.exitOverride(error => {
		// commander's own --help/--version exit 0; usage errors exit 2.
		process.exit(error.exitCode === 0 ? 0 : 2);
	})
	.action(action(async () => {
		const {loadRunContext} = await import('./source/app-context/index.js');
		const context = await loadRunContext(globals());
		if (!process.stdin.isTTY) throw new UserInputError('the terminal UI needs an interactive terminal; use `vendor-risk list ...` in scripts');
		const {runTui} = await import('./source/ui/run.js');
		return runTui(context);
	}));

program
	.command('list')
	.description('print a table: vendors, jurisdictions, restrictions or entries')
	.argument('<table>', 'vendors | jurisdictions | restrictions | entries')
	.option('--filter <query>', "filter rows, e.g. 'jurisdiction:CN status:active' (same language as / in the UI)")
	.option('--json', 'print JSON for scripts')
	.action(action(async (table: string, options: {filter?: string; json?: boolean}) => {
		const [{loadRunContext}, {runList}, {processIO}] = await Promise.all([
			import('./source/app-context/index.js'),
			import('./source/commands/list.js'),
			import('./source/commands/io.js'),
		]);
		const context = await loadRunContext(globals());
		return runList(table, context, options, processIO(context.asOf, Boolean(globals().debug)));
	}));

program.hook('preAction', () => {
	debug = Boolean(globals().debug);
});

program.parseAsync(process.argv).catch(fail);

export {Option};
