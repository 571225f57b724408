#!/usr/bin/env node
// Arguments and dispatch only. Every command is loaded lazily, so --help and
// --version never load Ink, React, got or conf, and `vendor-risk` alone (the
// TUI) does not load commander. Errors of every kind are printed by one
// formatter: `vendor-risk: <what>: <why>`, a hint line where one helps.
import module from 'node:module';
import type {RunOptions} from './source/app-context/index.js';
import {commands, processIO, reporting, type CommandIO} from './source/commands/index.js';
import {isRealDay, parseDay, today, todayVariableProblem} from './source/dates/index.js';
import {exitCodeOf, formatError, UserInputError} from './source/errors/index.js';
import {sourceFormats} from './source/records/index.js';
import {displayText, nearestWord} from './source/text/index.js';

declare const VENDOR_RISK_VERSION: string;

// Node 22+ keeps compiled code between runs: a faster first frame (Node 20 lacks it).
(module as {enableCompileCache?: () => unknown}).enableCompileCache?.();

// Every file and folder the app creates is private to the user (0600, 0700) whatever umask it was
// started under: caches, snapshots, settings, exports and the decision log show which vendors an
// organisation screens and what it decided.
process.umask(0o077);

// Ctrl-C and SIGTERM end the run at once (130, 143), whatever is loaded: conf and the lock library
// install signal handlers of their own, which would otherwise leave the signal to a JavaScript
// handler that runs only between tasks. Reads are asynchronous, so the handler gets its turn;
// cleanup (a held lock, Ink's terminal state) runs on the way out through the exit handlers.
for (const [signal, code] of [
	['SIGINT', 130],
	['SIGTERM', 143],
] as const)
	process.on(signal, () => process.exit(code));

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
// With --debug, stack traces name the source files and lines (the bundle ships linked source maps);
// every chunk a command loads from here on is mapped.
if (debug) process.setSourceMapsEnabled(true);

function fail(error: unknown): never {
	process.stderr.write(formatError(error, {debug}));
	process.exit(exitCodeOf(error));
}

// "Today" is an input (VENDOR_RISK_TODAY); a malformed one is bad input, not a silent fallback to the clock.
const todayProblem = todayVariableProblem();
if (todayProblem) fail(new UserInputError(todayProblem));

/** The terminal UI, until the reviewer leaves: the process ends here. */
async function openTui(options: RunOptions): Promise<never> {
	if (!process.stdin.isTTY)
		throw new UserInputError('the terminal UI needs an interactive terminal', {
			hint: 'use vendor-risk list … or vendor-risk screen … in scripts',
		});
	const {runTui} = await import('./source/ui/index.js');
	const code = await runTui(options);
	// Background loads (cache, log) may still hold the event loop; the reviewer asked to leave.
	process.exit(code);
}

// No arguments is the TUI with its defaults, the start-up that matters most: it
// need not wait for commander to load and parse. openTui and fail both exit.
if (process.argv.length === 2) await openTui({}).catch(fail);

const version = typeof VENDOR_RISK_VERSION === 'string' ? VENDOR_RISK_VERSION : '0.0.0-dev';
// The version alone is answered before commander loads, as commander would answer it.
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-v')) {
	process.stdout.write(`${version}\n`);
	process.exit(0);
}

const {Command, InvalidArgumentError, Option} = await import('commander');
const program = new Command();

type GlobalOptions = {
	records?: string;
	source?: string[];
	inventory?: string;
	assets?: string;
	asOf?: string;
	debug?: boolean;
	allowHttp?: boolean;
	sourceFormat?: string;
};
const globals = (): GlobalOptions => program.opts<GlobalOptions>();
const runOptions = (extra: Partial<RunOptions> = {}): RunOptions => {
	const {sourceFormat, ...rest} = globals();
	return {...rest, format: sourceFormat, ...extra};
};

/** The streams and environment a command gets, with the day it judges status on. */
function io(): CommandIO {
	const asOf = globals().asOf;
	return processIO(asOf === undefined ? today() : asOf, Boolean(globals().debug));
}

/** Runs a command and exits with its code; whatever it throws is reported through the one formatter. */
const action =
	<Args extends unknown[]>(run: (...args: Args) => Promise<number>) =>
	async (...args: Args) => {
		process.exitCode = await reporting(processIO(today(), debug), () => run(...args));
	};

// Values checked as commander parses them, with the reason in words.
const dayOption = (value: string) => {
	if (!isRealDay(value)) throw new InvalidArgumentError(`"${value}" is not a date; use YYYY-MM-DD, e.g. 2024-09-29`);
	return parseDay(value)!;
};
const scoreOption = (value: string) => {
	const score = Number(value);
	if (value.trim() === '' || !Number.isFinite(score) || score <= 0 || score > 1)
		throw new InvalidArgumentError(`"${value}" is not a score; use a number above 0 and at most 1, e.g. 0.8`);
	return score;
};
const collect = (value: string, previous: string[] = []) => [...previous, value];

program
	.name('vendor-risk')
	.description(
		'Triage the vendors your organisation depends on against sanctions, export-control and procurement restrictions.\nWith no command, opens the terminal UI.',
	)
	.version(version, '-v, --version')
	.option('--records <file>', 'load a native records document instead of the embedded dataset')
	.option('--source <file-or-url>', 'read a list or records source once, without saving it (repeatable)', collect)
	.option('--inventory <file>', 'your vendor inventory (CSV or JSON)')
	.option(
		'--assets <file>',
		'your assets or fleets (CSV or JSON: vendor, product, category, country_of_origin, components, model_year, quantity)',
	)
	.option('--as-of <date>', 'judge restriction status on this day (YYYY-MM-DD) instead of today', dayOption)
	.addOption(new Option('--source-format <format>', 'format of --source inputs when detection is not enough').choices(sourceFormats))
	.option('--allow-http', 'allow plain http for non-loopback hosts')
	.option('--debug', 'print stack traces on errors')
	.addHelpText(
		'after',
		'\nExit codes: 0 ok · 1 finding or failure · 2 bad usage or input\nEnvironment: VENDOR_RISK_HOME moves config, cache and data; VENDOR_RISK_TODAY=YYYY-MM-DD sets today; VENDOR_RISK_STORE=postgres://host/db uses a shared decision store (password from PGPASSWORD or ~/.pgpass); NO_COLOR disables colour.\n\nA research aid, not legal advice: the embedded facts have sources up to about mid-2026 and lists change; re-check the official sources before relying on an entry.',
	)
	.helpCommand('help [command]', 'show help for a command')
	.showSuggestionAfterError()
	.configureOutput({
		// commander's own errors ("error: unknown option …") speak with the app's one voice, and quote arguments inert.
		outputError: (text, write) => write(`vendor-risk: ${displayText(text.replace(/^error: /, '').trimEnd(), {keepLayout: true})}\n`),
	})
	.exitOverride(error => {
		// commander's own --help/--version exit 0; usage errors exit 2.
		process.exit(error.exitCode === 0 ? 0 : 2);
	})
	.argument('[command...]')
	.action(
		action(async (words: string[]) => {
			const word = words[0];
			// commander sends an unknown command here: say so, and suggest the nearest real one.
			if (word !== undefined) {
				const names = program.commands.map(command => command.name());
				const nearest = nearestWord(word, names);
				throw new UserInputError(`unknown command "${word}"`, {
					hint: nearest ? `did you mean ${nearest}? (vendor-risk help lists the commands)` : 'vendor-risk help lists the commands',
				});
			}
			return openTui(runOptions());
		}),
	);

program
	.command('list')
	.description('print a table: vendors, jurisdictions, restrictions, rules, entries, queue or timeline')
	.argument('<table>', 'vendors | jurisdictions | restrictions | rules | entries | queue | timeline')
	.option('--filter <query>', "filter rows, e.g. 'jurisdiction:CN status:active' (same language as / in the UI)")
	.option('--json', 'print JSON for scripts')
	.addOption(new Option('--format <format>', 'table, json (as --json) or jsonl (one row a line)').choices(['table', 'json', 'jsonl']))
	.action(
		action(async (table: string, options: {filter?: string; json?: boolean; format?: string}) =>
			(await commands.list()).runListCommand(table, options, runOptions(), io()),
		),
	);

program
	.command('queue')
	.description('the vendors that need a decision (none, stale, due or revoked), most severe first')
	.option('--filter <query>', 'filter rows (same language as list)')
	.option('--json', 'print JSON for scripts')
	.addOption(new Option('--format <format>', 'table, json (as --json) or jsonl (one row a line)').choices(['table', 'json', 'jsonl']))
	.action(
		action(async (options: {filter?: string; json?: boolean; format?: string}) =>
			(await commands.list()).runListCommand('queue', options, runOptions(), io()),
		),
	);

const sources = program
	.command('sources')
	.description('list configured sources with fetch time, entry count, cache age and state')
	.action(action(async () => (await commands.sources()).runSources(io())));

sources
	.command('add')
	.description('add a source: an http(s) URL or a file path')
	.argument('<url-or-path>')
	.option('--name <name>', 'a short name (default: from the host or file name)')
	.addOption(new Option('--format <format>', 'override format detection').choices(sourceFormats))
	.option('--auth-env <variable>', 'environment variable whose value is sent as the Authorization header (never stored)')
	.option('--allow-http', 'allow plain http for a non-loopback host')
	.action(
		action(
			async (location: string, options: {name?: string; format?: (typeof sourceFormats)[number]; authEnv?: string; allowHttp?: boolean}) =>
				(await commands.sources()).runSourcesAdd({location, ...options}, io()),
		),
	);

sources
	.command('remove')
	.description('remove a source and its cache')
	.argument('<name>')
	.action(action(async (name: string) => (await commands.sources()).runSourcesRemove(name, io())));

program
	.command('fetch')
	.description('refresh every configured source; exits 1 when any failed')
	.option('--accept-shrink', 'accept a list that shrank to under half of the last good fetch (this once)')
	.action(
		action(async (options: {acceptShrink?: boolean}) =>
			(await commands.fetch()).runFetch({acceptShrink: options.acceptShrink, allowHttp: globals().allowHttp}, io()),
		),
	);

program
	.command('screen')
	.description(
		'screen the inventory (--inventory F, or the saved one) against the fetched lists and --source files, and apply the class and ownership rules to it and to --assets F',
	)
	.option('--threshold <score>', 'minimum score for a hit, above 0 and at most 1 (default 0.8, or the config)', scoreOption)
	.addOption(
		new Option('--format <format>', 'output format (jsonl: one hit a line)').choices(['table', 'json', 'jsonl', 'csv']).default('table'),
	)
	.addOption(new Option('--fail-on <what>', 'exit 1 when there are hits, or hits without a disposition').choices(['hit', 'undecided']))
	.action(
		action(async (options: {threshold?: number; format: string; failOn?: string}) =>
			(await commands.screen()).runScreenCommand(options, runOptions({threshold: options.threshold}), io()),
		),
	);

program
	.command('match')
	.description('explain one name comparison, or score a CSV of name_a,name_b pairs')
	.argument('[name-a]')
	.argument('[name-b]')
	.option('--pairs <file>', 'CSV with a name_a,name_b header; prints one JSON line per pair')
	.option('--json', 'print JSON')
	.action(
		action(async (a: string | undefined, b: string | undefined, options: {pairs?: string; json?: boolean}) =>
			(await commands.match()).runMatch({a, b, pairsFile: options.pairs, json: Boolean(options.json)}, io()),
		),
	);

const inventory = program
	.command('inventory')
	.description('show the saved inventory')
	.action(action(async () => (await commands.inventory()).runInventoryShow(io())));
inventory
	.command('set')
	.description('save the inventory file used by the TUI, list and screen when --inventory is not given')
	.argument('<file>', 'CSV or JSON with at least a name column')
	.action(action(async (file: string) => (await commands.inventory()).runInventorySet(file, io())));

program
	.command('changes')
	.description('what changed in the fetched lists: since the previous fetch, since a date, or between two snapshots')
	.option('--since <date>', 'compare with the newest snapshot before this day (YYYY-MM-DD)', dayOption)
	.option('--from <snapshot>', 'an older snapshot id (see --snapshots)')
	.option('--to <snapshot>', 'a newer snapshot id')
	.option('--snapshots', 'list the snapshot ids')
	.option('--json', 'print JSON for scripts')
	.action(
		action(async (options: {since?: string; from?: string; to?: string; snapshots?: boolean; json?: boolean}) =>
			(await commands.changes()).runChangesCommand(options, runOptions(), io()),
		),
	);

const config = program
	.command('config')
	.description('show every setting as used (reviewer, threshold, re-review periods, limits, TUI keys and views) and where each came from')
	.option('--json', 'print JSON for scripts')
	.action(action(async (options: {json?: boolean}) => (await commands.config()).runConfigShowCommand(options, io())));
config
	.command('set')
	.description('change a setting, e.g. `config set reviewer "Ada Lovelace"` or `config set reviewDays.approve 180`')
	.argument('<key>')
	.argument('<value>')
	.action(action(async (key: string, value: string) => (await commands.config()).runConfigSetCommand(key, value, io())));

const decide = program
	.command('decide')
	.description('record a decision on a vendor, into the same log the TUI writes (or --countersign a pending one)')
	.usage('<vendor-id> <outcome> --reason <code> [--note <text>] [--review-by <date>]')
	.argument('[vendor-id]', "e.g. kaspersky, or the vendor's name as written (see `vendor-risk list vendors --json`)")
	.argument('[outcome]', 'approve | approve-with-conditions | reject | escalate | defer')
	.option('--reason <code>', 'reason code that fits the outcome (listed below)')
	.option('--note <text>', 'rationale; required for reject, approve-with-conditions, escalate and approving a restricted vendor')
	.option('--review-by <date>', 're-review date YYYY-MM-DD (default from the config by tier and outcome)', dayOption)
	.option('--evidence <file>', 'attach a file as evidence (repeatable); it is kept under its SHA-256', collect)
	.option('--yes', 'confirm what the rules ask to confirm (approving a vendor with an active restriction)')
	.option('--countersign <entry-id>', "countersign another reviewer's pending decision instead")
	.action(
		action(
			async (
				vendorId: string | undefined,
				outcome: string | undefined,
				options: {reason?: string; note?: string; reviewBy?: string; evidence?: string[]; yes?: boolean; countersign?: string},
			) => (await commands.decide()).runDecideCommand({vendorId, outcome, ...options}, runOptions(), io()),
		),
	);

program
	.command('countersign')
	.description("sign off another reviewer's pending decision (four-eyes): refused for your own")
	.argument('<entry-id>', 'the id `decide` printed (or its first 8 characters)')
	.option('--note <text>', 'why you agree')
	.action(
		action(async (entryId: string, options: {note?: string}) =>
			(await commands.countersign()).runCountersignCommand(entryId, options, runOptions(), io()),
		),
	);

const log = program.command('log').description('the decision log: export it, verify its hash chain, push it to a shared store');
log
	.command('export')
	.description('export every entry; the manifest (time, count, chain head, filter, retention) goes beside --out FILE, or to stderr')
	.option('--format <format>', 'csv | json | jsonl | md (with --bundle, default json)')
	.option('--out <file>', 'write to a file (and FILE.manifest.json) instead of stdout')
	.option('--bundle <dir>', 'write the log, its manifest, the evidence files and a copy of the store into a new folder, for an auditor')
	.option('--since <date>', 'entries from this date (YYYY-MM-DD) or ISO time on')
	.option('--filter <query>', 'vendor:ID outcome:X reason:X kind:X, or free text')
	.action(
		action(async (options: {format?: string; out?: string; since?: string; filter?: string; bundle?: string}) =>
			(await commands.log()).runLogExport(options, io()),
		),
	);
log
	.command('verify')
	.description('check the hash chain, the head anchor, countersigns and evidence; exit 1 naming the first bad entry')
	.action(action(async () => (await commands.log()).runLogVerify(io())));
log
	.command('restart')
	.description('after a break verify reports: set the old log aside (kept) and start a new chain whose first entry records the break')
	.requiredOption('--note <text>', 'what happened, for the record')
	.action(action(async (options: {note: string}) => (await commands.log()).runLogRestart(options, io())));

log
	.command('push')
	.description(
		'send the outbox (entries made while the shared store was offline) and import the local log into the shared store; sends nothing twice',
	)
	.action(action(async () => (await commands.log()).runLogPush(io())));

const store = program
	.command('store')
	.description('the shared decision store (config set store postgres://host/db): its schema and this machine’s standing');
store
	.command('migrate')
	.description('create or update the shared store’s tables, triggers and reviewer role (run once, as the database owner)')
	.option('--print', 'print the SQL instead of running it, for an administrator who applies it by hand')
	.action(action(async (options: {print?: boolean}) => (await commands.store()).runStoreMigrate(options, io())));
store
	.command('status')
	.description('where the decision log lives: online or offline, entries, unsent outbox entries')
	.option('--json', 'print JSON for scripts')
	.action(action(async (options: {json?: boolean}) => (await commands.store()).runStoreStatus(options, io())));

program.hook('preAction', () => {
	debug = Boolean(globals().debug);
});

// `decide --help` lists the outcomes and reason codes, which live with the decision log.
if (
	(process.argv[2] === 'decide' || process.argv.slice(2, 4).join(' ') === 'help decide') &&
	(process.argv.includes('--help') || process.argv.includes('-h') || process.argv[2] === 'help')
) {
	const {decideHelpText} = await commands.decide();
	decide.addHelpText('after', `\n${decideHelpText()}`);
}
// `config --help` lists the keys `config set` takes.
if (
	(process.argv[2] === 'config' || process.argv.slice(2, 4).join(' ') === 'help config') &&
	(process.argv.includes('--help') || process.argv.includes('-h') || process.argv[2] === 'help')
) {
	const {configKeysHelp} = await commands.config();
	config.addHelpText('after', `\nKeys for config set:\n${configKeysHelp()}`);
}

program.parseAsync(process.argv).catch(fail);
