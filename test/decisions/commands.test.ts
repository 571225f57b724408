import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {decideHelpText, runDecide} from '../../source/commands/decide.js';
import {runLogExport, runLogVerify} from '../../source/commands/log.js';
import {openSettings} from '../../source/settings/index.js';
import {openDecisionLog, outcomes, reasonCodes, type DecisionContext} from '../../source/decisions/index.js';
import {captureIO, fingerprintA, tempHome, type TempHome} from './helpers.js';

let home: TempHome;
beforeEach(() => {
	home = tempHome();
	// A reviewer in settings keeps the commands away from the machine's git config.
	openSettings(home.env).set('reviewer', 'Ada Reviewer');
});
afterEach(() => home.remove());

const context: DecisionContext = {
	vendorExists: id => ['kaspersky', 'huawei'].includes(id),
	fingerprintOf: () => fingerprintA,
	sourceVersions: () => [{sourceId: 'ofac-sdn', fetchedAt: '2025-02-01T00:00:00.000Z', contentHash: 'c'.repeat(64)}],
};

async function decide(args: Partial<Parameters<typeof runDecide>[0]> = {}) {
	const {io, out} = captureIO(home.env);
	const code = await runDecide(
		{vendorId: 'kaspersky', outcome: 'reject', reason: 'sanctioned-entity', note: 'Listed in 2024.', ...args},
		context,
		io,
	);
	return {code, ...out};
}

describe('vendor-risk decide', () => {
	test('records the decision and prints one line', async () => {
		const result = await decide();
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toMatch(/^recorded reject for kaspersky \(sanctioned-entity\) by Ada Reviewer; entry #1 [0-9a-f]{12}\n$/);
		expect(openDecisionLog({env: home.env}).entries()).toMatchObject([
			{vendorId: 'kaspersky', outcome: 'reject', rationale: 'Listed in 2024.', basis: {vendorFingerprint: fingerprintA}},
		]);
	});

	test.each([
		['an unknown vendor', {vendorId: 'nobody'}, /unknown vendor "nobody"/],
		['an unknown outcome', {outcome: 'okay'}, /unknown outcome "okay"/],
		['an unknown reason', {reason: 'vibes'}, /unknown reason "vibes"/],
		['a missing rationale', {note: undefined}, /rationale is required for reject/],
		['a bad date', {reviewBy: '2025-13-01'}, /bad re-review date "2025-13-01"/],
	])('%s gets one line on stderr, exit 2, and nothing written', async (_name, args, message) => {
		const result = await decide(args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
		expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(result.stdout).toBe('');
		expect(openDecisionLog({env: home.env}).entries()).toEqual([]);
	});

	test('the help lists every outcome and reason code with a meaning', () => {
		const help = decideHelpText();
		for (const name of [...outcomes, ...reasonCodes]) expect(help).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
		expect(help).toMatch(/reject +the vendor must not be used \(--note required\)/);
	});
});

describe('vendor-risk log', () => {
	test('verify reports an intact chain with its length and head', async () => {
		await decide();
		await decide({vendorId: 'huawei', outcome: 'approve', reason: 'no-exposure', note: undefined});
		const {io, out} = captureIO(home.env);
		expect(await runLogVerify(io)).toBe(0);
		const head = openDecisionLog({env: home.env}).entries()[1]!.hash;
		expect(out.stdout.split('\n')[0]).toBe(`chain intact: 2 entries, head ${head}`);
		expect(out.stdout).toContain('head anchor: seq 2 found in the chain');
	});

	test('verify exits 1 naming the first entry that was tampered with', async () => {
		await decide();
		await decide({vendorId: 'huawei'});
		await decide({vendorId: 'kaspersky', outcome: 'approve', reason: 'no-exposure', note: undefined});
		const shard = join(home.home, 'data', 'decisions-00000.json');
		const stored = JSON.parse(readFileSync(shard, 'utf8')) as {entries: Array<Record<string, unknown>>};
		stored.entries[1]!.rationale = 'Approved after all.';
		writeFileSync(shard, JSON.stringify(stored));
		const {io, out} = captureIO(home.env);
		expect(await runLogVerify(io)).toBe(1);
		expect(out.stderr).toMatch(
			new RegExp(
				`^vendor-risk: chain broken at entry 2 of 3 \\(seq 2\\), id ${String(stored.entries[1]!.id)}: content does not match its hash`,
			),
		);
	});

	test('export writes to --out and says how many entries went there', async () => {
		await decide();
		const file = join(home.home, 'export.jsonl');
		const {io, out} = captureIO(home.env);
		expect(await runLogExport({format: 'jsonl', out: file}, io)).toBe(0);
		expect(out.stdout).toBe('');
		expect(out.stderr).toBe(`exported 1 of 1 entries to ${file}; manifest ${file}.manifest.json\n`);
		expect(readFileSync(file, 'utf8').split('\n')[0]).toMatch(/^\{"manifest":/);
	});

	test('export goes to stdout without --out, and refuses an unknown format or date', async () => {
		await decide();
		const {io, out} = captureIO(home.env);
		expect(await runLogExport({format: 'md', filter: 'outcome:reject'}, io)).toBe(0);
		expect(out.stdout).toContain('## Outcome: reject (1)');
		expect(await runLogExport({format: 'xlsx'}, io)).toBe(2);
		expect(await runLogExport({format: 'csv', since: 'last tuesday'}, io)).toBe(2);
		expect(out.stderr).toMatch(/unknown format "xlsx"[\s\S]*bad --since "last tuesday"/);
	});
});
