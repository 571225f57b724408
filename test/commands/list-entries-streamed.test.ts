// `list entries --json|--format jsonl` reads the entries from the sources' caches one at a time
// instead of holding them: its output must be the very bytes of the table built in memory.
import {readFileSync, writeFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {loadRunContext} from '../../source/app-context/run-context.js';
import {runList} from '../../source/commands/list.js';
import {sourceCachePaths} from '../../source/sources/index.js';
import {childEnvironment, fixture, temporaryHome} from '../helpers.js';
import {runCli} from './cli.js';

const csl = fixture('csl-csv', 'consolidated_2022-05-16_sample.csv');
const simple = fixture('opensanctions-targets-simple-csv', 'sa_wiki_peps_targets.simple.csv');
const oneOff = fixture('csl-csv', 'consolidated_2025_small.csv');

let home: ReturnType<typeof temporaryHome>;
beforeAll(() => {
	home = temporaryHome();
	// The same list under two names: every name comes twice, so ties in the sort show whether order holds across sources.
	for (const [location, name] of [
		[csl, 'CSL'],
		[simple, 'PEPs'],
		[csl, 'CSL again'],
	] as const)
		expect(runCli(['sources', 'add', location, '--name', name], home.path).status).toBe(0);
	expect(runCli(['fetch'], home.path).status).toBe(0);
});
afterAll(() => home.remove());

/** What runList writes from the run loaded whole, in this process. */
async function inMemory(format: string, filter: string | undefined, source: string[]): Promise<string> {
	const env = childEnvironment(home.path);
	const context = await loadRunContext({source}, env);
	let stdout = '';
	const io = {stdout: {write: (text: string) => (stdout += text)}, stderr: {write: () => true}, env, asOf: context.asOf, debug: false};
	expect(await runList('entries', context, {format, filter}, io)).toBe(0);
	return stdout;
}

describe('list entries read from the cache', () => {
	test.each([
		['json', undefined, []],
		['jsonl', undefined, []],
		['json', 'country:RU', []],
		['jsonl', 'trading !limited', []],
		['json', 'nothing-matches-this', []],
		['json', 'list:"entity list"', [oneOff]],
	])('--format %s --filter %s (one-off %j) gives the bytes of the table made in memory', async (format, filter, source) => {
		const args = [
			'list',
			'entries',
			'--format',
			format,
			...(filter ? ['--filter', filter] : []),
			...source.flatMap(path => ['--source', path]),
		];
		const streamed = runCli(args, home.path);
		expect(streamed.stderr).toBe('');
		expect(streamed.status).toBe(0);
		const expected = await inMemory(format, filter, source);
		expect(expected.length).toBeGreaterThan(100);
		expect(streamed.stdout).toBe(expected);
	});

	test('an unknown filter field is refused before any output, as the table refuses it', () => {
		const refused = runCli(['list', 'entries', '--json', '--filter', 'colour:red'], home.path);
		expect(refused.status).toBe(2);
		expect(refused.stdout).toBe('');
		expect(refused.stderr).toMatch(/^vendor-risk: --filter: unknown field "colour" for entries; fields are name, /);
	});

	test('a damaged cache is refused before any output, and the table in memory refuses it alike', () => {
		const parsed = sourceCachePaths(childEnvironment(home.path), 'PEPs').parsed;
		const intact = readFileSync(parsed, 'utf8');
		try {
			writeFileSync(parsed, intact.replace('"name":"', '"name":"X'));
			const refused = runCli(['list', 'entries', '--format', 'jsonl'], home.path);
			expect(refused.status).toBe(2);
			expect(refused.stdout).toBe('');
			expect(refused.stderr).toMatch(/^vendor-risk: source "PEPs" has no usable data: the cached data is damaged/);
			expect(runCli(['list', 'entries'], home.path).stderr).toBe(refused.stderr);
		} finally {
			writeFileSync(parsed, intact);
		}
	});
});
