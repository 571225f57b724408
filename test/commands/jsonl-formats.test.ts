// `--format jsonl` on list, queue and screen: one row (or hit) a line, the same rows --json gives.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {fixture, temporaryHome} from '../helpers.js';
import {runCli} from './cli.js';

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
	home = temporaryHome();
});
afterEach(() => home.remove());

const sample = fixture('csl-csv', 'consolidated_2022-05-16_sample.csv');
const lines = (stdout: string): unknown[] => {
	expect(stdout.endsWith('\n')).toBe(true);
	return stdout
		.slice(0, -1)
		.split('\n')
		.map(line => JSON.parse(line) as unknown);
};

describe('--format jsonl', () => {
	it('list entries gives the rows of --json, one a line', () => {
		const json = runCli(['list', 'entries', '--source', sample, '--json'], home.path);
		const jsonl = runCli(['list', 'entries', '--source', sample, '--format', 'jsonl'], home.path);
		expect(jsonl.status).toBe(0);
		const {rows} = JSON.parse(json.stdout) as {rows: unknown[]};
		expect(rows.length).toBeGreaterThan(20);
		expect(lines(jsonl.stdout)).toEqual(rows);
	});

	it('list and queue take --format json as --json, and refuse --json with another format', () => {
		expect(runCli(['list', 'vendors', '--format', 'json'], home.path).stdout).toBe(runCli(['list', 'vendors', '--json'], home.path).stdout);
		const queue = runCli(['queue', '--format', 'jsonl'], home.path);
		expect(queue.status).toBe(0);
		expect(lines(queue.stdout)).toEqual((JSON.parse(runCli(['queue', '--json'], home.path).stdout) as {rows: unknown[]}).rows);
		const both = runCli(['list', 'vendors', '--json', '--format', 'jsonl'], home.path);
		expect(both.status).toBe(2);
		expect(both.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^vendor-risk: .*--json and --format jsonl/)]);
	});

	it('screen gives the hits of --format json, one a line', () => {
		const inventory = join(home.path, 'inventory.csv');
		writeFileSync(inventory, 'name,country\nHuawei Technologies Co. Ltd,CN\nKaspersky Lab,RU\nAcme Office Supplies Inc,US\n');
		const json = runCli(['screen', '--inventory', inventory, '--source', sample, '--format', 'json'], home.path);
		const jsonl = runCli(['screen', '--inventory', inventory, '--source', sample, '--format', 'jsonl'], home.path);
		expect(jsonl.status).toBe(0);
		const {hits} = JSON.parse(json.stdout) as {hits: Array<{kind: string}>};
		expect(hits.map(hit => hit.kind)).toEqual(expect.arrayContaining(['curated', 'list']));
		expect(lines(jsonl.stdout)).toEqual(hits);
	});
});
