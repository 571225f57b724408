// `decide` by the rules of a safe decision, through the built CLI: reasons that fit
// the outcome, a rationale and an explicit confirmation naming the restrictions to
// approve a restricted vendor, evidence kept under its hash and checked by verify,
// and re-review dates by the inventory's risk tier.
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {addDays} from '../../source/dates/index.js';
import {copyOfHome, temporaryHome, testToday} from '../helpers.js';
import {runCli} from './cli.js';

// The reviewer is set once in a template home, copied for each test.
let configured: ReturnType<typeof temporaryHome>;
beforeAll(() => {
	configured = temporaryHome();
	expect(runCli(['config', 'set', 'reviewer', 'Ada Lovelace'], configured.path).status).toBe(0);
});
afterAll(() => configured.remove());

let home: ReturnType<typeof temporaryHome>;
let inventory: string;
beforeEach(() => {
	home = copyOfHome(configured.path);
	inventory = join(home.path, 'inventory.csv');
	writeFileSync(
		inventory,
		'name,country,criticality\nAcme Office Supplies Inc,US,High\nGlobex Paper Co,US,\nInitech Staplers,US,Tier 3\nHangzhou Hikvision Digital Technology,CN,critical\n',
	);
});
afterEach(() => home.remove());

const run = (...args: string[]) => runCli(['--inventory', inventory, ...args], home.path);
/** The curated vendors (kaspersky, huawei) are the run's vendors when no inventory is given. */
const curated = (...args: string[]) => runCli(args, home.path);
const hikvision = 'hangzhou-hikvision-digital-technology';
const entries = () =>
	(JSON.parse(runCli(['log', 'export', '--format', 'json'], home.path).stdout) as {entries: Array<Record<string, unknown>>}).entries;

describe('safe decision entry', () => {
	it.each([
		['approve', 'sanctioned-entity'],
		['approve', 'export-control'],
		['approve-with-conditions', 'sanctioned-entity'],
		['reject', 'no-exposure'],
		['defer', 'sanctioned-entity'],
	])('%s with the reason %s contradicts itself: exit 2, naming the reasons that fit, nothing written', (outcome, reason) => {
		const result = run('decide', 'acme-office-supplies-inc', outcome, '--reason', reason, '--note', 'x', '--yes');
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(new RegExp(`^vendor-risk: reason "${reason}" does not fit ${outcome}; ${outcome} takes: `));
		expect(entries()).toEqual([]);
	});

	it('approving a restricted vendor needs a rationale, then a confirmation naming its restrictions; --yes confirms', () => {
		const bare = curated('decide', 'kaspersky', 'approve', '--reason', 'accepted-risk');
		expect(bare.status).toBe(2);
		expect(bare.stderr).toMatch(/^vendor-risk: approve of a vendor with 7 active restrictions needs a rationale: say why/);

		const unconfirmed = curated('decide', 'kaspersky', 'approve', '--reason', 'accepted-risk', '--note', 'Legacy seats until June.');
		expect(unconfirmed.status).toBe(2);
		expect(unconfirmed.stderr).toMatch(
			/^vendor-risk: confirmation needed: approve Kaspersky despite 7 active restrictions: .*ICTS Final Determination/,
		);
		expect(unconfirmed.stderr).toMatch(/hint: confirm with --yes/);
		expect(entries()).toEqual([]);

		const conditional = curated('decide', 'huawei', 'approve-with-conditions', '--reason', 'accepted-risk', '--note', 'Isolated lab only.');
		expect(conditional.stderr).toMatch(/confirmation needed: approve-with-conditions Huawei despite/);

		const confirmed = curated('decide', 'kaspersky', 'approve', '--reason', 'accepted-risk', '--note', 'Legacy seats until June.', '--yes');
		expect(confirmed.status, confirmed.stderr).toBe(0);
		expect(entries()).toMatchObject([{vendorId: 'kaspersky', outcome: 'approve', rationale: 'Legacy seats until June.'}]);
	});

	it('an unrestricted vendor is approved without a rationale or a confirmation, and reject needs no confirmation', () => {
		expect(run('decide', 'globex-paper-co', 'approve', '--reason', 'no-exposure').status).toBe(0);
		expect(run('decide', hikvision, 'reject', '--reason', 'sanctioned-entity', '--note', 'Listed.').status).toBe(0);
	});

	it('decide without a reason says which reasons the outcome takes', () => {
		const result = run('decide', 'kaspersky', 'reject');
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/^vendor-risk: decide needs --reason; reject takes: sanctioned-entity, /);
	});
});

describe('evidence', () => {
	it('is copied in under its SHA-256, recorded by name, size and hash, and checked by verify', () => {
		const letter = join(home.path, 'legal letter.pdf');
		const bytes = Buffer.from('%PDF-1.4 counsel says no exposure\n');
		writeFileSync(letter, bytes);
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		const decided = run('decide', 'globex-paper-co', 'approve', '--reason', 'no-exposure', '--evidence', letter, '--evidence', letter);
		expect(decided.status, decided.stderr).toBe(0);
		expect(decided.stdout).toContain(', 1 evidence file;');
		expect(entries()[0]).toMatchObject({evidence: [{name: 'legal letter.pdf', size: bytes.length, sha256}]});
		const stored = join(home.path, 'data', 'evidence', sha256);
		expect(readFileSync(stored)).toEqual(bytes);
		expect(statSync(stored).mode & 0o777).toBe(0o600);
		expect(runCli(['log', 'verify'], home.path).stdout).toContain('evidence: 1 file present and unchanged');

		writeFileSync(stored, 'tampered');
		expect(runCli(['log', 'verify'], home.path).stderr).toMatch(
			/evidence "legal letter\.pdf" of entry seq 1 \(sha256 [0-9a-f]{64}\) is changed/,
		);
		rmSync(stored);
		const missing = runCli(['log', 'verify'], home.path);
		expect(missing.status).toBe(1);
		expect(missing.stderr).toMatch(/is missing/);
	});

	it('a folder, or a file that is not there, is refused before anything is written', () => {
		const folder = join(home.path, 'folder');
		mkdirSync(folder);
		expect(run('decide', 'globex-paper-co', 'approve', '--reason', 'no-exposure', '--evidence', folder).stderr).toMatch(
			/--evidence .+folder: not a regular file/,
		);
		expect(run('decide', 'globex-paper-co', 'approve', '--reason', 'no-exposure', '--evidence', join(home.path, 'nope')).status).toBe(2);
		expect(entries()).toEqual([]);
	});
});

describe('re-review cadence by tier', () => {
	/** Each vendor's review date, from one export of the log. */
	const reviewDates = () => new Map(entries().map(entry => [entry.vendorId, entry.reviewBy]));

	it('the inventory’s criticality picks the period; an untiered vendor keeps reviewDays.<outcome>', () => {
		for (const vendor of ['acme-office-supplies-inc', 'globex-paper-co', 'initech-staplers'])
			expect(run('decide', vendor, 'approve', '--reason', 'no-exposure').status).toBe(0);
		const reviewBy = reviewDates();
		expect(reviewBy.get('acme-office-supplies-inc')).toBe(addDays(testToday, 180));
		expect(reviewBy.get('globex-paper-co')).toBe(addDays(testToday, 90));
		// A tier the config has no periods for falls back to the untiered ones.
		expect(reviewBy.get('initech-staplers')).toBe(addDays(testToday, 90));
	});

	it('config set reviewDays.<tier>.<outcome> changes one tier and outcome', () => {
		expect(runCli(['config', 'set', 'reviewDays.high.approve', '30'], home.path).status).toBe(0);
		expect(runCli(['config', 'set', 'reviewDays.tier-3.defer', '5'], home.path).status).toBe(0);
		expect(runCli(['config', 'set', 'reviewDays.high.maybe', '5'], home.path).status).toBe(2);
		run('decide', 'acme-office-supplies-inc', 'approve', '--reason', 'no-exposure');
		run('decide', 'initech-staplers', 'defer', '--reason', 'pending-information');
		const reviewBy = reviewDates();
		expect(reviewBy.get('acme-office-supplies-inc')).toBe(addDays(testToday, 30));
		expect(reviewBy.get('initech-staplers')).toBe(addDays(testToday, 5));
		const {settings} = JSON.parse(runCli(['config', '--json'], home.path).stdout) as {
			settings: Record<string, {value: unknown; from: string}>;
		};
		expect(settings['reviewDays.high.approve']).toEqual({value: 30, from: 'settings file'});
		expect(settings['reviewDays.high.defer']).toEqual({value: 30, from: 'default'});
		expect(settings['reviewDays.tier-3.defer']).toEqual({value: 5, from: 'settings file'});
		expect(settings['reviewDays.critical.approve']).toEqual({value: 90, from: 'default'});
	});
});

describe('the queue says why', () => {
	it('no decision and due appear in queue and list queue --json, and the queue table shows the column', () => {
		const why = (id: string) =>
			(JSON.parse(run('list', 'queue', '--json').stdout) as {rows: Array<{id: string; why: string}>}).rows.find(row => row.id === id)?.why;
		expect(why(hikvision)).toBe('no decision');
		const table = run('queue');
		expect(table.stdout).toMatch(/│ Vendor +│ Why +│/);
		expect(table.stdout).toMatch(/│ Hangzhou Hikvision.* │ no decision +│/);
		expect(run('decide', hikvision, 'defer', '--reason', 'pending-information', '--review-by', addDays(testToday, 3)).status).toBe(0);
		expect(why(hikvision)).toBeUndefined();
		const later = runCli(['--inventory', inventory, 'queue', '--json'], home.path, {env: {VENDOR_RISK_TODAY: addDays(testToday, 3)}});
		expect((JSON.parse(later.stdout) as {rows: Array<{id: string; why: string}>}).rows.find(row => row.id === hikvision)?.why).toBe(
			`due ${addDays(testToday, 3)}`,
		);
	});
});
