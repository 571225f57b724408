#!/usr/bin/env node
// Arguments and dispatch only. Every command is imported lazily, so --help and
// --version never load Ink, React, got or conf, and `vendor-risk` alone (the
// TUI) does not load commander.
import module from 'node:module';
import type {RunOptions} from './source/app-context/index.js';
import {todayVariableProblem} from './source/dates/index.js';
import {exitCodeOf, UserInputError} from './source/errors/index.js';
import {sanitizeText} from './source/text/index.js';

declare const VENDOR_RISK_VERSION: string;

// Node 22+ keeps compiled code between runs: a faster first frame (Node 20 lacks it).
(module as {enableCompileCache?: () => unknown}).enableCompileCache?.();

// chalk ignores NO_COLOR on its own; Ink reads FORCE_COLOR when it loads.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

// A reader that stops early (`| head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
		throw error;
	});
}

let debug = process.argv.includes('--debug');

function fail(error: unknown): never {
	const message = error instanceof Error ? error.message : String(error);
	// Messages quote inputs (paths, ids, fetched text): one line, no control sequences.
	process.stderr.write(`vendor-risk: ${sanitizeText(message)}\n`);
	if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
	process.exit(exitCodeOf(error));
}

/** The terminal UI, until the reviewer leaves: the process ends here. */
async function openTui(options: RunOptions): Promise<never> {
	if (!process.stdin.isTTY)
		throw new UserInputError('the terminal UI needs an interactive terminal; use `vendor-risk list ...` in scripts');
	const {runTui} = await import('./source/ui/run.js');
	const code = await runTui(options);
	// Background loads (cache, log) may still hold the event loop; the reviewer asked to leave.
	process.exit(code);
}

// "Today" is an input (VENDOR_RISK_TODAY); a malformed one is bad input, not a silent fallback to the clock.
const todayProblem = todayVariableProblem();
if (todayProblem) fail(new UserInputError(todayProblem));

// No arguments is the TUI with its defaults, the start-up that matters most: it
// need not wait for commander to load and parse. openTui and fail both exit.
if (process.argv.length === 2) await openTui({}).catch(fail);

const {Command, Option} = await import('commander');
const program = new Command();

/** Runs an action and exits with its code; errors become one line (a stack only with --debug). */
const action =
	<Args extends unknown[]>(run: (...args: Args) => Promise<number>) =>
	async (...args: Args) => {
		try {
			process.exitCode = await run(...args);
		} catch (error) {
			fail(error);
		}
	};

type GlobalOptions = {
	records?: string;
	source?: string[];
	inventory?: string;
	asOf?: string;
	debug?: boolean;
	allowHttp?: boolean;
	sourceFormat?: string;
};
/** The run (records, sources, inventory) joined to the decision log: what every command reads. */
async function joinedRun(extra: {threshold?: number} = {}) {
	const [{loadRunContext}, glue, {openDecisionLog}, {joinRun, hitCounts}] = await Promise.all([
		import('./source/app-context/index.js'),
		import('./source/app-context/decisions.js'),
		import('./source/decisions/index.js'),
		import('./source/app-context/joined.js'),
	]);
	const loaded = await loadRunContext({...runOptions(), ...extra});
	const entries = openDecisionLog().entries();
	const {context, hits} = joinRun(loaded, entries);
	return {loaded, context, hits, entries, glue, hitCounts, decisionContext: glue.decisionContextFor(context)};
}

const runOptions = () => {
	const {sourceFormat, ...rest} = globals();
	return {...rest, format: sourceFormat};
};
const globals = (): GlobalOptions => program.opts<GlobalOptions>();
const collect = (value: string, previous: string[] = []) => [...previous, value];

program
	.name('vendor-risk')
	.description(
		'Triage the vendors your organisation depends on against sanctions, export-control and procurement restrictions.\nWith no command, opens the terminal UI.',
	)
	.version(typeof VENDOR_RISK_VERSION === 'string' ? VENDOR_RISK_VERSION : '0.0.0-dev', '-v, --version')
	.option('--records <file>', 'load a native records document instead of the embedded dataset')
	.option('--source <file-or-url>', 'read a list or records source once, without saving it (repeatable)', collect)
	.option('--inventory <file>', 'your vendor inventory (CSV or JSON)')
	.option('--as-of <date>', 'judge restriction status on this day (YYYY-MM-DD) instead of today')
	.option(
		'--source-format <format>',
		'format of --source inputs when detection is not enough (records, csl-json, csl-csv, ofac-csv, ofac-xml, opensanctions-ftm, opensanctions-csv)',
	)
	.option('--allow-http', 'allow plain http for non-loopback hosts')
	.option('--debug', 'print stack traces on errors')
	.addHelpText(
		'after',
		'\nExit codes: 0 ok · 1 finding or failure · 2 bad usage or input\nEnvironment: VENDOR_RISK_HOME moves config, cache and data; VENDOR_RISK_TODAY=YYYY-MM-DD sets today; NO_COLOR disables colour.',
	)
	.showSuggestionAfterError()
	.exitOverride(error => {
		// commander's own --help/--version exit 0; usage errors exit 2.
		process.exit(error.exitCode === 0 ? 0 : 2);
	})
	.action(action(async () => openTui(runOptions())));

program
	.command('list')
	.description('print a table: vendors, jurisdictions, restrictions, entries, queue or timeline')
	.argument('<table>', 'vendors | jurisdictions | restrictions | entries | queue | timeline')
	.option('--filter <query>', "filter rows, e.g. 'jurisdiction:CN status:active' (same language as / in the UI)")
	.option('--json', 'print JSON for scripts')
	.action(action(async (table: string, options: {filter?: string; json?: boolean}) => listTable(table, options)));

async function listTable(table: string, options: {filter?: string; json?: boolean}): Promise<number> {
	const [{runList}, run] = await Promise.all([import('./source/commands/list.js'), joinedRun()]);
	const decisionOf = run.glue.decisionSummaries(run.entries, run.context, run.decisionContext);
	const counts = run.hitCounts(run.hits);
	return runList(table, run.context, {...options, decisionOf, hitsOf: vendorId => counts.get(vendorId) ?? null}, await io());
}

const io = async () => {
	const [{processIO}, {resolveAsOf}] = await Promise.all([import('./source/commands/io.js'), import('./source/app-context/index.js')]);
	return processIO(resolveAsOf(globals().asOf), Boolean(globals().debug));
};

const sources = program
	.command('sources')
	.description('list configured sources with fetch time, entry count, cache age and state')
	.action(action(async () => (await import('./source/commands/sources.js')).runSources(await io())));

sources
	.command('add')
	.description('add a source: an http(s) URL or a file path')
	.argument('<url-or-path>')
	.option('--name <name>', 'a short name (default: from the host or file name)')
	.addOption(
		new Option('--format <format>', 'override format detection').choices([
			'records',
			'csl-json',
			'csl-csv',
			'ofac-csv',
			'ofac-xml',
			'opensanctions-ftm',
			'opensanctions-csv',
		]),
	)
	.option('--auth-env <variable>', 'environment variable whose value is sent as the Authorization header (never stored)')
	.option('--allow-http', 'allow plain http for a non-loopback host')
	.action(
		action(async (location: string, options: {name?: string; format?: string; authEnv?: string; allowHttp?: boolean}) => {
			const {runSourcesAdd} = await import('./source/commands/sources.js');
			return runSourcesAdd({location, ...options, format: options.format as never}, await io());
		}),
	);

sources
	.command('remove')
	.description('remove a source and its cache')
	.argument('<name>')
	.action(action(async (name: string) => (await import('./source/commands/sources.js')).runSourcesRemove(name, await io())));

program
	.command('fetch')
	.description('refresh every configured source; exits 1 when any failed')
	.option('--accept-shrink', 'accept a list that shrank to under half of the last good fetch (this once)')
	.action(
		action(async (options: {acceptShrink?: boolean}) => {
			const {runFetch} = await import('./source/commands/fetch.js');
			return runFetch({acceptShrink: options.acceptShrink, allowHttp: globals().allowHttp}, await io());
		}),
	);

program
	.command('queue')
	.description('the vendors that need a decision (none, stale, due or revoked), most severe first')
	.option('--filter <query>', 'filter rows (same language as list)')
	.option('--json', 'print JSON for scripts')
	.action(action(async (options: {filter?: string; json?: boolean}) => listTable('queue', options)));

program
	.command('screen')
	.description('screen the inventory (--inventory F, or the saved one) against the fetched lists and --source files')
	.option('--threshold <score>', 'minimum score for a hit, 0-1 (default 0.8, or the config)', Number.parseFloat)
	.addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
	.addOption(new Option('--fail-on <what>', 'exit 1 when there are hits, or hits without a disposition').choices(['hit', 'undecided']))
	.action(
		action(async (options: {threshold?: number; format: string; failOn?: string}) => {
			const {runScreen} = await import('./source/commands/screen.js');
			const {UserInputError: InputError} = await import('./source/errors/index.js');
			const run = await joinedRun({threshold: options.threshold});
			if (!run.loaded.inventory)
				throw new InputError('screen: no inventory; pass --inventory FILE or save one with vendor-risk inventory set FILE');
			for (const warning of run.loaded.warnings) process.stderr.write(`vendor-risk: ${sanitizeText(warning)}\n`);
			const sources = run.loaded.sources.map(source => source.name);
			return runScreen(
				{hits: run.hits, screened: run.loaded.inventory.vendors.length, threshold: run.loaded.inventory.threshold, sources},
				options,
				await io(),
			);
		}),
	);

program
	.command('match')
	.description('explain one name comparison, or score a CSV of name_a,name_b pairs')
	.argument('[name-a]')
	.argument('[name-b]')
	.option('--pairs <file>', 'CSV with a name_a,name_b header; prints one JSON line per pair')
	.option('--json', 'print JSON')
	.action(
		action(async (a: string | undefined, b: string | undefined, options: {pairs?: string; json?: boolean}) => {
			const {runMatch} = await import('./source/commands/match.js');
			return runMatch({a, b, pairsFile: options.pairs, json: Boolean(options.json)}, await io());
		}),
	);

program
	.command('inventory')
	.description('the saved inventory')
	.command('set')
	.description('save the inventory file used by the TUI, list and screen when --inventory is not given')
	.argument('<file>', 'CSV or JSON with at least a name column')
	.action(
		action(async (file: string) => {
			const [{parseInventoryFile}, {openSettings}, {resolve}] = await Promise.all([
				import('./source/screening/index.js'),
				import('./source/settings/index.js'),
				import('node:path'),
			]);
			const path = resolve(file);
			const {vendors, errors} = parseInventoryFile(path);
			for (const error of errors) process.stderr.write(`vendor-risk: ${sanitizeText(error)}\n`);
			openSettings().set('inventory', path);
			process.stdout.write(
				`Saved inventory ${path}: ${vendors.length} vendors${errors.length ? `, ${errors.length} rows skipped` : ''}.\n`,
			);
			return 0;
		}),
	);

program
	.command('changes')
	.description('what changed in the fetched lists: since the previous fetch, since a date, or between two snapshots')
	.option('--since <date>', 'compare with the newest snapshot before this day (YYYY-MM-DD)')
	.option('--from <snapshot>', 'an older snapshot id (see --snapshots)')
	.option('--to <snapshot>', 'a newer snapshot id')
	.option('--snapshots', 'list the snapshot ids')
	.option('--json', 'print JSON for scripts')
	.action(
		action(async (options: {since?: string; from?: string; to?: string; snapshots?: boolean; json?: boolean}) => {
			const [{runChanges}, run] = await Promise.all([import('./source/commands/changes.js'), joinedRun()]);
			// The vendors a change can touch: the inventory's (or curated) vendors under all their names.
			const vendors = run.context.catalog.vendors.map(vendor => ({
				id: vendor.id,
				name: vendor.name,
				names: [vendor.name, ...vendor.aliases, ...vendor.entities.flatMap(entity => [entity.name, entity.originalScript ?? ''])].filter(
					Boolean,
				),
			}));
			return runChanges(options, {vendors, threshold: run.loaded.inventory?.threshold}, await io());
		}),
	);

const config = program
	.command('config')
	.description('show the settings (reviewer, threshold, re-review periods, limits)')
	.action(
		action(async () => {
			const [{runConfigShow}, {openSettings}] = await Promise.all([
				import('./source/commands/config.js'),
				import('./source/settings/index.js'),
			]);
			return runConfigShow(openSettings(), await io());
		}),
	);
config
	.command('set')
	.description('change a setting, e.g. `config set reviewer "Ada Lovelace"` or `config set reviewDays.approve 180`')
	.argument('<key>')
	.argument('<value>')
	.action(
		action(async (key: string, value: string) => {
			const [{runConfigSet}, {openSettings}] = await Promise.all([
				import('./source/commands/config.js'),
				import('./source/settings/index.js'),
			]);
			return runConfigSet(openSettings(), key, value, await io());
		}),
	);

const decide = program
	.command('decide')
	.description('record a decision on a vendor, into the same log the TUI writes')
	.argument('<vendor-id>', 'e.g. kaspersky (see `vendor-risk list vendors --json`)')
	.argument('<outcome>', 'approve | approve-with-conditions | reject | escalate | defer')
	.requiredOption('--reason <code>', 'reason code (listed below)')
	.option('--note <text>', 'rationale; required for reject, approve-with-conditions and escalate')
	.option('--review-by <date>', 're-review date YYYY-MM-DD (default from the config by outcome)')
	.action(
		action(async (vendorId: string, outcome: string, options: {reason: string; note?: string; reviewBy?: string}) => {
			const [{runDecide}, run] = await Promise.all([import('./source/commands/decide.js'), joinedRun()]);
			return runDecide({vendorId, outcome, ...options}, run.decisionContext, await io());
		}),
	);

const log = program.command('log').description('the decision log: export it or verify its hash chain');
log
	.command('export')
	.description('export every entry with a manifest (time, count, chain head)')
	.requiredOption('--format <format>', 'csv | json | jsonl | md')
	.option('--out <file>', 'write to a file instead of stdout')
	.option('--since <date>', 'entries from this date (YYYY-MM-DD) on')
	.option('--filter <query>', 'vendor:ID outcome:X reason:X kind:X, or free text')
	.action(
		action(async (options: {format: string; out?: string; since?: string; filter?: string}) =>
			(await import('./source/commands/log.js')).runLogExport(options, await io()),
		),
	);
log
	.command('verify')
	.description('check the hash chain; exit 1 naming the first bad entry')
	.action(action(async () => (await import('./source/commands/log.js')).runLogVerify(await io())));

program.hook('preAction', () => {
	debug = Boolean(globals().debug);
});

// `decide --help` lists the outcomes and reason codes, which live with the decision log.
if (process.argv[2] === 'decide' && (process.argv.includes('--help') || process.argv.includes('-h'))) {
	const {decideHelpText} = await import('./source/commands/decide.js');
	decide.addHelpText('after', `\n${decideHelpText()}`);
}

program.parseAsync(process.argv).catch(fail);
