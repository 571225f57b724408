// Plain exports an auditor's tools read as they are: every CSV export parsed by
// Python's csv.DictReader with the right header, the manifest beside the file (or
// on stderr), retention stated, evidence listed and bundled; and the retention
// warning when the oldest entry is younger than the store.
import {execFileSync} from 'node:child_process';
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {csvColumns, openDecisionLog, type DecisionDraft} from '../../source/decisions/index.js';
import {copyOfHome, temporaryHome} from '../helpers.js';
import {runCli} from './cli.js';

// The reviewer and three decisions with evidence are written once, through the CLI, into a
// template home copied for each test.
let decided: ReturnType<typeof temporaryHome>;
beforeAll(() => {
	decided = temporaryHome();
	const memo = join(decided.path, 'screening memo.txt');
	writeFileSync(memo, '=cmd|calc, a memo with a comma and a formula-looking start\n');
	expect(runCli(['config', 'set', 'reviewer', '=HYPERLINK("x"), Ada'], decided.path).status).toBe(0);
	const decisions = [
		['kaspersky', 'reject', 'sanctioned-entity', 'Listed, and "banned"\nsince 2024.'],
		['huawei', 'escalate', 'export-control', '@legal: decide by Friday'],
		['zte', 'defer', 'pending-information', ''],
	];
	for (const [vendor, outcome, reason, note] of decisions) {
		const args = ['decide', vendor!, outcome!, '--reason', reason!, '--evidence', memo];
		if (note) args.push('--note', note);
		const result = runCli(args, decided.path);
		expect(result.status, result.stderr).toBe(0);
	}
});
afterAll(() => decided.remove());

let home: ReturnType<typeof temporaryHome>;
let evidence: string;
beforeEach(() => {
	home = copyOfHome(decided.path);
	evidence = join(home.path, 'screening memo.txt');
});
afterEach(() => home.remove());

/** What `python3 -c 'import csv,sys; list(csv.DictReader(open(sys.argv[1])))'` reads, as JSON. */
function readWithPython(file: string): {header: string[]; rows: Array<Record<string, string>>} {
	const script =
		'import csv,sys,json; r=csv.DictReader(open(sys.argv[1], newline="")); rows=list(r); print(json.dumps({"header": r.fieldnames, "rows": rows}))';
	return JSON.parse(execFileSync('python3', ['-c', script, file], {encoding: 'utf8'})) as {
		header: string[];
		rows: Array<Record<string, string>>;
	};
}

describe('CSV exports are plain RFC 4180', () => {
	it('--out: Python reads the header from the first line and every entry, and the manifest lies beside the file', () => {
		const file = join(home.path, 'log.csv');
		expect(runCli(['log', 'export', '--format', 'csv', '--out', file], home.path).status).toBe(0);
		// The exact check the issue names, as a user would run it.
		execFileSync('python3', ['-c', 'import csv,sys; list(csv.DictReader(open(sys.argv[1])))', file]);
		const {header, rows} = readWithPython(file);
		expect(header).toEqual([...csvColumns]);
		expect(rows.map(row => row.vendorId)).toEqual(['kaspersky', 'huawei', 'zte']);
		expect(rows[0]!.rationale).toBe('Listed, and "banned"\nsince 2024.');
		// Formula safety stays: no cell starts a formula.
		expect(rows[1]!.rationale).toBe("'@legal: decide by Friday");
		expect(rows[0]!.reviewer).toBe('\'=HYPERLINK("x"), Ada');

		const manifest = JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8')) as Record<string, unknown>;
		expect(manifest).toMatchObject({entryCount: 3, chainLength: 3, retentionYears: 10, filter: null, since: null});
		expect(manifest.chainHead).toMatch(/^[0-9a-f]{64}$/);
		expect(manifest.evidence).toEqual([expect.objectContaining({name: 'screening memo.txt', size: readFileSync(evidence).length})]);
	});

	it('stdout: the CSV alone on stdout, its manifest (with the filter and the configured retention) on stderr', () => {
		expect(runCli(['config', 'set', 'retentionYears', '5'], home.path).status).toBe(0);
		const result = runCli(['log', 'export', '--format', 'csv', '--filter', 'outcome:reject'], home.path);
		expect(result.status).toBe(0);
		const file = join(home.path, 'piped.csv');
		writeFileSync(file, result.stdout);
		const {header, rows} = readWithPython(file);
		expect(header).toEqual([...csvColumns]);
		expect(rows.map(row => row.vendorId)).toEqual(['kaspersky']);
		expect(JSON.parse(result.stderr)).toMatchObject({entryCount: 1, chainLength: 3, filter: 'outcome:reject', retentionYears: 5});
	});

	it('an empty log exports the header alone, still readable', () => {
		const empty = temporaryHome();
		try {
			const file = join(empty.path, 'empty.csv');
			expect(runCli(['log', 'export', '--format', 'csv', '--out', file], empty.path).status).toBe(0);
			expect(readWithPython(file)).toEqual({header: [...csvColumns], rows: []});
		} finally {
			empty.remove();
		}
	});

	it('every format states the retention period, and the markdown lists the evidence', () => {
		const md = runCli(['log', 'export', '--format', 'md'], home.path).stdout;
		expect(md).toContain('- Retention: 10 years (the log is never pruned)');
		expect(md).toMatch(/## Evidence \(1\)[\s\S]*screening memo\.txt/);
		const json = JSON.parse(runCli(['log', 'export', '--format', 'json'], home.path).stdout) as {manifest: {retentionYears: number}};
		expect(json.manifest.retentionYears).toBe(10);
	});
});

describe('log export --bundle', () => {
	it('writes the log, its manifest, the evidence files and the store together; the CSV reads in Python', () => {
		const bundle = join(home.path, 'for-the-auditor');
		const result = runCli(['log', 'export', '--bundle', bundle, '--format', 'csv'], home.path);
		expect(result.status, result.stderr).toBe(0);
		expect(result.stderr).toMatch(/bundled 3 of 3 entries, 1 evidence file and the store \(2 files\)/);
		expect(readWithPython(join(bundle, 'decision-log.csv')).rows).toHaveLength(3);
		const manifest = JSON.parse(readFileSync(join(bundle, 'decision-log.csv.manifest.json'), 'utf8')) as {
			evidence: Array<{sha256: string}>;
		};
		const [ref] = manifest.evidence;
		expect(readFileSync(join(bundle, 'evidence', ref!.sha256, 'screening memo.txt'))).toEqual(readFileSync(evidence));
		expect(readdirSync(join(bundle, 'store')).sort()).toEqual(['decisions-00000.json', 'decisions-head.json']);
		expect(readFileSync(join(bundle, 'README.txt'), 'utf8')).toContain('to restore the log');
		// A bundle never overwrites: the same folder again is refused.
		expect(runCli(['log', 'export', '--bundle', bundle], home.path).status).toBe(2);
	});

	it('a missing evidence file makes the bundle exit 1 and say which', () => {
		const ref = readdirSync(join(home.path, 'data', 'evidence'))[0]!;
		rmSync(join(home.path, 'data', 'evidence', ref));
		const result = runCli(['log', 'export', '--bundle', join(home.path, 'b')], home.path);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/evidence missing or changed, not bundled: screening memo\.txt/);
	});
});

describe('retention', () => {
	function draft(vendorId: string): DecisionDraft {
		return {
			kind: 'decision',
			reviewer: 'Seeder',
			vendorId,
			outcome: 'defer',
			reason: 'pending-information',
			rationale: null,
			reviewBy: null,
			basis: {vendorFingerprint: 'f'.repeat(64), sources: []},
		};
	}

	it('verify warns when the oldest entry is younger than the store, as when old history was dropped and the chain rebuilt', async () => {
		const aged = temporaryHome();
		const rebuilt = mkdtempSync(join(tmpdir(), 'vendor-risk-rebuilt-'));
		try {
			let clock = Date.UTC(2020, 0, 1);
			const log = openDecisionLog({env: {VENDOR_RISK_HOME: aged.path}, now: () => new Date((clock += 60_000))});
			await log.appendMany([draft('a'), draft('b')]);
			const anchorPath = join(aged.path, 'data', 'decisions-head.json');
			const created = (JSON.parse(readFileSync(anchorPath, 'utf8')) as {createdAt: string}).createdAt;
			expect(runCli(['log', 'verify'], aged.path).stderr).toBe('');

			// The 2020 entries are dropped and a fresh chain is written in 2024 in their place, anchor and all;
			// only the store's creation time, carried in the anchor, remembers 2020.
			clock = Date.UTC(2024, 5, 1);
			const fresh = openDecisionLog({env: {VENDOR_RISK_HOME: rebuilt}, now: () => new Date((clock += 60_000))});
			await fresh.appendMany([draft('c')]);
			cpSync(join(rebuilt, 'data', 'decisions-00000.json'), join(aged.path, 'data', 'decisions-00000.json'));
			const anchor = JSON.parse(readFileSync(join(rebuilt, 'data', 'decisions-head.json'), 'utf8')) as object;
			writeFileSync(anchorPath, JSON.stringify({...anchor, createdAt: created}));

			const result = runCli(['log', 'verify'], aged.path);
			expect(result.status).toBe(0);
			expect(result.stderr).toMatch(
				/warning: the oldest entry was written 2024-06-01T00:01:00\.000Z, but this store was created 2020-01-01T00:01:00\.000Z: entries from before it may have been dropped/,
			);
		} finally {
			aged.remove();
			rmSync(rebuilt, {recursive: true, force: true});
		}
	});
});
