// `list rules`, the richer `list restrictions --json`, the retention in `config`,
// the disclaimer in the help and unknown records fields, through the built CLI.
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

type Rows<Row> = {rows: Row[]; sourcesAsOf: string | null; dataAsOf: string};
const listJson = <Row>(args: string[]) => {
	const result = runCli(['list', ...args, '--json'], home.path);
	expect(result.status, result.stderr).toBe(0);
	return JSON.parse(result.stdout) as Rows<Row>;
};

describe('list rules', () => {
	it('lists the class rules with sources, official URL, applies-to, announced date, verification and evidence', () => {
		const listed = listJson<Record<string, unknown>>(['rules']);
		expect(listed.rows.length).toBeGreaterThan(0);
		for (const row of listed.rows)
			expect(Object.keys(row)).toEqual(
				expect.arrayContaining([
					'id',
					'title',
					'status',
					'milestones',
					'sources',
					'officialUrl',
					'appliesTo',
					'announced',
					'verification',
					'evidence',
				]),
			);
		expect(listed.sourcesAsOf).toMatch(/^\d{4}-\d{2}/);
	});

	it.each([
		['2025-10-15', 'active', 'active'],
		['2026-03-01', 'suspended', 'suspended until 2026-11-09'],
		['2026-12-06', 'unknown', 'unknown after 2026-11-09'],
	])('gives the Affiliates rule its status on --as-of %s', (asOf, status, statusLabel) => {
		const [row] = listJson<{status: string; statusLabel: string}>([
			'rules',
			'--filter',
			'id:bis-affiliates-rule-2025',
			'--as-of',
			asOf,
		]).rows;
		expect(row).toMatchObject({status, statusLabel});
	});

	it('prints a table for people, with both data dates', () => {
		const result = runCli(['list', 'rules'], home.path);
		expect(result.stdout).toContain('Foreign-produced consumer-grade routers');
		expect(result.stderr).toMatch(/sources to \d{4}-\d{2} · compiled \d{4}-\d{2}-\d{2}/);
	});
});

describe('list restrictions --json', () => {
	it('gives each restriction its sources, applies-to, announced date, verification and evidence', () => {
		const {rows} = listJson<{
			officialUrl: string | null;
			sources: string[];
			appliesTo: string[];
			evidence: string | null;
			severity: string;
		}>(['restrictions']);
		const withoutUrl = rows.filter(row => row.officialUrl === null);
		expect(withoutUrl.length).toBeGreaterThan(0);
		for (const row of withoutUrl) expect(row.sources.length).toBeGreaterThan(0);
		for (const row of rows)
			expect(Object.keys(row)).toEqual(expect.arrayContaining(['appliesTo', 'announced', 'verification', 'evidence']));
		expect(rows.map(row => row.severity)).toContain('executives designated');
	});
});

describe('the decision log retention', () => {
	it('defaults to the longest record-keeping period and says where it comes from', () => {
		const {settings} = JSON.parse(runCli(['config', '--json'], home.path).stdout) as {
			settings: Record<string, {value: unknown; from: string}>;
		};
		expect(settings.retentionYears!.value).toBe(10);
		expect(settings.retentionYears!.from).toContain('31 CFR 501.601');
	});

	it('can be set, and still names the legal period', () => {
		expect(runCli(['config', 'set', 'retentionYears', '12'], home.path).status).toBe(0);
		const {settings} = JSON.parse(runCli(['config', '--json'], home.path).stdout) as {
			settings: Record<string, {value: unknown; from: string}>;
		};
		expect(settings.retentionYears).toEqual({value: 12, from: expect.stringContaining('set in the config')});
		expect(runCli(['config', 'set', 'retentionYears', 'ten'], home.path).status).toBe(2);
	});
});

it('has the disclaimer in the help', () => {
	expect(runCli(['--help'], home.path).stdout).toContain('not legal advice');
});

it('refuses a records file with an unknown field, naming it', () => {
	const path = join(home.path, 'feed.json');
	writeFileSync(
		path,
		JSON.stringify({schemaVersion: 1, asOf: '2026-01-01', vendors: [{id: 'acme', name: 'Acme', hq: 'US', ownerCountry: 'US'}]}),
	);
	const result = runCli(['--records', path, 'list', 'vendors'], home.path);
	expect(result.status).toBe(2);
	expect(result.stderr).toContain('unknown field "ownerCountry"');
});
