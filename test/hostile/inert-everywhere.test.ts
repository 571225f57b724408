// Every piece of text is made inert, wherever it comes from (issue 21 §3): one hostile
// string goes into every input the CLI takes (arguments, config values, git config, file
// names, file contents, reasons) and every command and output format is walked. Nothing
// printed, stored or exported may hold a control sequence, a bidi control or an invisible
// character; displays show the invisible ones as ⟨U+200B⟩.
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {cslHeader, cslRow, eachAtOnce, expectInert, runChild, walk} from './hardening.js';

/** Sets the clipboard (OSC 52), a C1 CSI, a bidi override and isolate, a zero-width space, a soft hyphen, a line separator. */
const hostile = 'Evil\u001B]52;c;ZXZpbA==\u0007 \u009B31m\u202EX\u2066 Hua\u200Bwei\u00AD\u2028Z';

let home: ReturnType<typeof temporaryHome>;
let work: string;
const file = (name: string, content: string) => {
	const path = join(work, name);
	writeFileSync(path, content);
	return path;
};
let inventory: string;
let list: string;
let records: string;
let pairs: string;

beforeAll(() => {
	home = temporaryHome();
	work = join(home.path, `work ${hostile}`);
	mkdirSync(work, {recursive: true});
	const quoted = `"${hostile.replace(/"/g, '""')}"`;
	inventory = file(`inventory ${hostile}.csv`, `name,aliases,owner,website\n${quoted},${quoted},${quoted},${quoted}\nAcme Harmless,,,\n`);
	list = file(`list ${hostile}.csv`, `${[cslHeader, cslRow('h-1', hostile), cslRow(`h-2 ${hostile}`, 'Acme Harmless')].join('\n')}\n`);
	const dataset = JSON.parse(readFileSync(new URL('../../source/records/dataset.json', import.meta.url), 'utf8')) as {
		vendors: Array<{name: string; notes: string | null}>;
	};
	dataset.vendors[0]!.name = `${dataset.vendors[0]!.name} ${hostile}`;
	dataset.vendors[0]!.notes = hostile;
	records = file(`records ${hostile}.json`, JSON.stringify(dataset));
	pairs = file(`pairs ${hostile}.csv`, `name_a,name_b\n${quoted},Huawei\nAcme,${quoted}\n`);
});
afterAll(() => home.remove());

async function inert(args: string[], options: {status?: number; env?: Record<string, string>; home?: string} = {}): Promise<string> {
	const run = await runChild(args, options.home ?? home.path, {env: options.env, cwd: work});
	if (options.status !== undefined) expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(options.status);
	expectInert(run.stdout, `stdout of ${args.join(' ')}`);
	expectInert(run.stderr, `stderr of ${args.join(' ')}`);
	return run.stdout + run.stderr;
}

describe('one hostile string in every input', () => {
	it('arguments and config values: config, match, decide with the reviewer and the reason, every export', async () => {
		expect(await inert(['config', 'set', 'reviewer', hostile], {status: 0})).toContain('\u27E8U+200B\u27E9');
		await inert(['config'], {status: 0});
		expect(await inert(['match', hostile, 'Huawei'], {status: 0})).toContain('Hua\u27E8U+200B\u27E9wei');
		const json = await inert(['match', '--json', hostile, 'Huawei'], {status: 0});
		expect((JSON.parse(json) as {name_a: string}).name_a).toBe(hostile); // lossless for programs
		await inert(['match', '--pairs', pairs], {status: 0});
		await inert(['decide', 'kaspersky', 'reject', '--reason', 'sanctioned-entity', '--note', `${hostile}\nsecond line`], {status: 0});
		await inert(['decide', 'kaspersky', 'approve', '--reason', hostile], {status: 2});
		await inert(['decide', hostile, 'approve', '--reason', 'no-exposure'], {status: 2});
		// Exports and verify only read the log: they run side by side.
		const formats = ['csv', 'json', 'jsonl', 'md'];
		await eachAtOnce(
			[
				...formats.map(format => async () => inert(['log', 'export', '--format', format], {status: 0})),
				...formats.map(format => async () => {
					const out = join(work, `export.${format}`);
					await inert(['log', 'export', '--format', format, '--out', out], {status: 0});
					expectInert(readFileSync(out, 'utf8'), out);
				}),
				async () => inert(['log', 'export', '--format', 'csv', '--filter', hostile], {status: 0}),
				async () => inert(['log', 'export', '--format', 'csv', '--since', hostile], {status: 2}),
				async () => inert(['log', 'verify'], {status: 0}),
			],
			task => task(),
		);
		// What the log stores is inert too: the reviewer and the reason as they will be shown.
		for (const {path} of walk(join(home.path, 'data')).files.filter(entry => entry.path.endsWith('.json')))
			expectInert(readFileSync(path, 'utf8'), path);
	}, 120_000);

	it('git config user.name as the reviewer', async () => {
		const other = temporaryHome();
		try {
			const gitConfig = join(other.path, 'gitconfig');
			execFileSync('git', ['config', '--file', gitConfig, 'user.name', hostile]);
			const env = {GIT_CONFIG_GLOBAL: gitConfig, GIT_CONFIG_NOSYSTEM: '1'};
			const said = await inert(['decide', 'kaspersky', 'defer', '--reason', 'pending-information'], {status: 0, env, home: other.path});
			expect(said).toContain('Evil\u241B]52;c;ZXZpbA==\u2407');
			await inert(['log', 'export', '--format', 'md'], {status: 0, env, home: other.path});
		} finally {
			other.remove();
		}
	}, 60_000);

	it('file names and contents: inventories, list files, records files, pairs files, in every format', async () => {
		await inert(['inventory', 'set', inventory], {status: 0});
		await inert(['inventory'], {status: 0});
		for (const format of ['table', 'json', 'csv']) await inert(['--source', list, 'screen', '--format', format], {status: 0});
		// Listings only read: they run side by side.
		await eachAtOnce(
			[[], ['--json']].flatMap(extra => [
				['--source', list, 'list', 'entries', ...extra],
				['--source', list, 'list', 'vendors', ...extra],
				['--source', list, 'queue', ...extra],
				['--records', records, 'list', 'vendors', ...extra],
			]),
			args => inert(args, {status: 0}),
		);
		await inert(['sources', 'add', list, '--name', 'Hostile list'], {status: 0});
		await inert(['sources'], {status: 0});
		await inert(['fetch'], {status: 0});
		await inert(['changes'], {status: 0});
		await inert(['changes', '--json'], {status: 0});
		await inert(['sources', 'add', list, '--name', hostile], {status: 2});
		await inert(['sources', 'remove', hostile], {status: 2});
	}, 120_000);

	it('errors that quote a file, its content or an argument, with and without --debug', async () => {
		const broken = file(`broken ${hostile}.json`, `{"schemaVersion": 1, "asOf": "${hostile}`);
		const headless = file(`headless ${hostile}.csv`, `"${hostile}",other\nAcme,x\n`);
		const badPairs = file(`bad pairs ${hostile}.csv`, `name_a,name_b\n"${hostile},Huawei\n`);
		// Every one is refused before it writes anything: they run side by side.
		await eachAtOnce(
			[[], ['--debug']].flatMap(debug => [
				[...debug, '--records', broken, 'list', 'vendors'],
				[...debug, '--records', join(work, `missing ${hostile}.json`), 'list', 'vendors'],
				[...debug, '--inventory', headless, 'screen'],
				[...debug, 'match', '--pairs', badPairs],
				[...debug, '--source', join(work, hostile), 'list', 'entries'],
				[...debug, 'list', 'vendors', '--filter', `${hostile}:x`],
				[...debug, 'config', 'set', hostile, 'x'],
				[...debug, '--as-of', hostile, 'list', 'vendors'],
				[...debug, hostile],
			]),
			args => inert(args, {status: 2}),
		);
	}, 120_000);
});
