import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {runMatch} from '../../source/commands/match.js';
import type {CommandIO} from '../../source/commands/io.js';

function capture(): {io: CommandIO; out: () => string; err: () => string} {
	let out = '';
	let err = '';
	const io: CommandIO = {
		stdout: {write: (text: string) => (out += text)},
		stderr: {write: (text: string) => (err += text)},
		env: {},
		asOf: '2026-01-01',
		debug: false,
	};
	return {io, out: () => out, err: () => err};
}

function file(name: string, text: string): string {
	const path = join(mkdtempSync(join(tmpdir(), 'match-')), name);
	writeFileSync(path, text);
	return path;
}

describe('runMatch', () => {
	test('explains one comparison with both normalised forms and per-token scores', async () => {
		const {io, out} = capture();
		expect(await runMatch({a: 'Kaspersky Lab, Inc.', b: 'АО «Лаборатория Касперского»', json: false}, io)).toBe(0);
		expect(out()).toContain('normalised: kaspersky laboratory');
		expect(out()).toContain('normalised: laboratoriya kasperskiy');
		expect(out()).toMatch(/kaspersky\s+kasperskiy\s+0\.9\d\d/);
		expect(out()).toMatch(/Score: 0\.\d{3} \(threshold 0\.8\): match/);
	});

	test('prints the comparison as JSON', async () => {
		const {io, out} = capture();
		await runMatch({a: 'Huawei', b: 'HUAWEI TECHNOLOGIES CO., LTD.', json: true}, io);
		expect(JSON.parse(out())).toMatchObject({
			name_a: 'Huawei',
			name_b: 'HUAWEI TECHNOLOGIES CO., LTD.',
			match: true,
			normalized_b: 'huawei technologies',
		});
	});

	test('prints one JSON line per pair', async () => {
		const {io, out} = capture();
		const pairs = file('pairs.csv', 'name_a,name_b\nKaspersky Lab,AO Kaspersky Lab\n"Smith Consulting, LLC",SMIC\n');
		expect(await runMatch({pairsFile: pairs, json: false}, io)).toBe(0);
		const lines = out()
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as Record<string, unknown>);
		expect(lines).toEqual([
			{name_a: 'Kaspersky Lab', name_b: 'AO Kaspersky Lab', score: 1, match: true},
			{name_a: 'Smith Consulting, LLC', name_b: 'SMIC', score: 0, match: false},
		]);
		expect(Object.keys(lines[0]!)).toEqual(['name_a', 'name_b', 'score', 'match']);
	});

	test.each([
		['a missing file', {pairsFile: '/nonexistent/pairs.csv', json: false}],
		['a file without the name_a,name_b header', {pairsFile: file('bad.csv', 'a,b\nx,y\n'), json: false}],
		['one name only', {a: 'Huawei', json: false}],
		['names and a pairs file together', {a: 'x', b: 'y', pairsFile: 'p.csv', json: false}],
	])('%s is one line on stderr and exit code 2', async (_case, args) => {
		const {io, out, err} = capture();
		expect(await runMatch(args, io)).toBe(2);
		expect(out()).toBe('');
		expect(err().trim().split('\n')).toHaveLength(1);
	});
});
