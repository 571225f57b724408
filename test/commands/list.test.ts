import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {runCli} from './cli.js';

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
	home = temporaryHome();
});
afterEach(() => home.remove());

describe('vendor-risk list', () => {
	it('prints restrictions as JSON with the Kaspersky milestones and both citations', () => {
		const result = runCli(['list', 'restrictions', '--json'], home.path);
		expect(result.status).toBe(0);
		const output = JSON.parse(result.stdout) as {
			rows: Array<{vendorId: string; citation: string | null; milestones: Array<{date: string}>}>;
		};
		const kaspersky = output.rows.filter(row => row.vendorId === 'kaspersky');
		expect(kaspersky.flatMap(row => row.milestones.map(milestone => milestone.date))).toEqual(
			expect.arrayContaining(['2024-07-20', '2024-09-29']),
		);
		expect(kaspersky.map(row => row.citation)).toEqual(expect.arrayContaining(['89 FR 52434', '89 FR 52362']));
	});

	it('prints the vendors table as ink-table text', () => {
		const result = runCli(['list', 'vendors'], home.path);
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^┌/);
		expect(result.stdout).toMatch(/│ Kaspersky +│ RU/);
	});

	it('applies the filter language non-interactively', () => {
		const result = runCli(['list', 'vendors', '--filter', 'jurisdiction:RU', '--json'], home.path);
		const ids = (JSON.parse(result.stdout) as {rows: Array<{id: string}>}).rows.map(row => row.id);
		expect(ids.sort()).toEqual(['kaspersky', 'positive-technologies']);
	});

	it('judges status against --as-of', () => {
		const result = runCli(['list', 'restrictions', '--as-of', '2024-07-01', '--filter', 'id:kaspersky-icts', '--json'], home.path);
		expect((JSON.parse(result.stdout) as {rows: Array<{status: string}>}).rows[0]!.status).toBe('upcoming');
	});

	it('rejects an unknown filter field with exit code 2 and one line', () => {
		const result = runCli(['list', 'vendors', '--filter', 'colour:red'], home.path);
		expect(result.status).toBe(2);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).toContain('unknown field "colour"');
	});

	it('gives one clear line and exit code 2 for a malformed --records file', () => {
		const path = join(home.path, 'broken.json');
		writeFileSync(path, JSON.stringify({schemaVersion: 1, asOf: '2026-01-01', vendors: [{id: 'Acme Corp', name: 'Acme', hq: 'US'}]}));
		const result = runCli(['--records', path, 'list', 'vendors'], home.path);
		expect(result.status).toBe(2);
		expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(`${path}: invalid records document at $.vendors[0].id`)]);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('loads another records document with --records', () => {
		const path = join(home.path, 'feed.json');
		writeFileSync(path, JSON.stringify({schemaVersion: 1, asOf: '2026-01-01', vendors: [{id: 'acme', name: 'Acme Networks', hq: 'US'}]}));
		const result = runCli(['--records', path, 'list', 'vendors', '--json'], home.path);
		expect(result.status).toBe(0);
		expect((JSON.parse(result.stdout) as {rows: Array<{name: string}>}).rows.map(row => row.name)).toEqual(['Acme Networks']);
	});

	it('rejects a bad --as-of date with exit code 2', () => {
		const result = runCli(['list', 'vendors', '--as-of', '2024-02-30'], home.path);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('--as-of');
	});
});

describe('vendor-risk --help and --version', () => {
	it('lists the commands', () => {
		const result = runCli(['--help'], home.path);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('list [options] <table>');
	});

	it('prints the package version', async () => {
		const {default: packageJson} = await import('../../package.json', {with: {type: 'json'}});
		const result = runCli(['--version'], home.path);
		expect(result.stdout.trim()).toBe(packageJson.version);
		// Alone, the flag is answered before the argument parser loads; with more, the parser answers it the same way.
		for (const args of [['-v'], ['--debug', '--version']]) expect(runCli(args, home.path).stdout, args.join(' ')).toBe(result.stdout);
	});

	it('exits 2 on an unknown command', () => {
		expect(runCli(['frobnicate'], home.path).status).toBe(2);
	});
});
