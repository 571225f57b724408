// `decide` by the rules of a safe decision, through the built CLI: reasons that fit
// the outcome, a rationale and an explicit confirmation naming the restrictions to
// approve a restricted vendor, evidence kept under its hash and checked by verify,
// and re-review dates by the inventory's risk tier.
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {addDays} from '../../source/dates/index.js';
import {copyOfHome, temporaryHome, testToday} from '../helpers.js';
import {runCli, runCliAsync} from './cli.js';

// The reviewer is set once in a template home, copied for each test. Each test works in a home
// of its own through its own helpers, so the tests run concurrently: their CLI processes one
// after another kept only one core busy.
let configured: ReturnType<typeof temporaryHome>;
beforeAll(() => {
	configured = temporaryHome();
	expect(runCli(['config', 'set', 'reviewer', 'Ada Lovelace'], configured.path).status).toBe(0);
});
afterAll(() => configured.remove());

const hikvision = 'hangzhou-hikvision-digital-technology';

/** A copy of the configured home with the tiered inventory, removed when the test ends; commands run in it. */
function homeForTest(onTestFinished: (done: () => void) => void) {
	const home = copyOfHome(configured.path);
	onTestFinished(() => home.remove());
	const inventory = join(home.path, 'inventory.csv');
	writeFileSync(
		inventory,
		'name,country,criticality\nAcme Office Supplies Inc,US,High\nGlobex Paper Co,US,\nInitech Staplers,US,Tier 3\nHangzhou Hikvision Digital Technology,CN,critical\n',
	);
	const cli = (args: string[], options: {env?: Record<string, string>} = {}) => runCliAsync(args, home.path, options);
	return {
		home,
		inventory,
		cli,
		run: (...args: string[]) => cli(['--inventory', inventory, ...args]),
		/** The curated vendors (kaspersky, huawei) are the run's vendors when no inventory is given. */
		curated: (...args: string[]) => cli(args),
		entries: async () =>
			(JSON.parse((await cli(['log', 'export', '--format', 'json'])).stdout) as {entries: Array<Record<string, unknown>>}).entries,
	};
}

describe.concurrent('safe decision entry', () => {
	it.for([
		['approve', 'sanctioned-entity'],
		['approve', 'export-control'],
		['approve-with-conditions', 'sanctioned-entity'],
		['reject', 'no-exposure'],
		['defer', 'sanctioned-entity'],
	])(
		'%s with the reason %s contradicts itself: exit 2, naming the reasons that fit, nothing written',
		async ([outcome, reason], {onTestFinished}) => {
			const {run, entries} = homeForTest(onTestFinished);
			const result = await run('decide', 'acme-office-supplies-inc', outcome, '--reason', reason, '--note', 'x', '--yes');
			expect(result.status).toBe(2);
			expect(result.stderr).toMatch(new RegExp(`^vendor-risk: reason "${reason}" does not fit ${outcome}; ${outcome} takes: `));
			expect(await entries()).toEqual([]);
		},
	);

	it('approving a restricted vendor needs a rationale, then a confirmation naming its restrictions; --yes confirms', async ({
		onTestFinished,
	}) => {
		const {curated, entries} = homeForTest(onTestFinished);
		const bare = await curated('decide', 'kaspersky', 'approve', '--reason', 'accepted-risk');
		expect(bare.status).toBe(2);
		expect(bare.stderr).toMatch(/^vendor-risk: approve of a vendor with 7 active restrictions needs a rationale: say why/);

		const unconfirmed = await curated('decide', 'kaspersky', 'approve', '--reason', 'accepted-risk', '--note', 'Legacy seats until June.');
		expect(unconfirmed.status).toBe(2);
		expect(unconfirmed.stderr).toMatch(
			/^vendor-risk: confirmation needed: approve Kaspersky despite 7 active restrictions: .*ICTS Final Determination/,
		);
		expect(unconfirmed.stderr).toMatch(/hint: confirm with --yes/);
		expect(await entries()).toEqual([]);

		const conditional = await curated(
			'decide',
			'huawei',
			'approve-with-conditions',
			'--reason',
			'accepted-risk',
			'--note',
			'Isolated lab only.',
		);
		expect(conditional.stderr).toMatch(/confirmation needed: approve-with-conditions Huawei despite/);

		const confirmed = await curated(
			'decide',
			'kaspersky',
			'approve',
			'--reason',
			'accepted-risk',
			'--note',
			'Legacy seats until June.',
			'--yes',
		);
		expect(confirmed.status, confirmed.stderr).toBe(0);
		expect(await entries()).toMatchObject([{vendorId: 'kaspersky', outcome: 'approve', rationale: 'Legacy seats until June.'}]);
	});

	it('an unrestricted vendor is approved without a rationale or a confirmation, and reject needs no confirmation', async ({
		onTestFinished,
	}) => {
		const {run} = homeForTest(onTestFinished);
		expect((await run('decide', 'globex-paper-co', 'approve', '--reason', 'no-exposure')).status).toBe(0);
		expect((await run('decide', hikvision, 'reject', '--reason', 'sanctioned-entity', '--note', 'Listed.')).status).toBe(0);
	});

	it('decide without a reason says which reasons the outcome takes', async ({onTestFinished}) => {
		const {run} = homeForTest(onTestFinished);
		const result = await run('decide', 'kaspersky', 'reject');
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/^vendor-risk: decide needs --reason; reject takes: sanctioned-entity, /);
	});
});

describe.concurrent('evidence', () => {
	it('is copied in under its SHA-256, recorded by name, size and hash, and checked by verify', async ({onTestFinished}) => {
		const {home, run, cli, entries} = homeForTest(onTestFinished);
		const letter = join(home.path, 'legal letter.pdf');
		const bytes = Buffer.from('%PDF-1.4 counsel says no exposure\n');
		writeFileSync(letter, bytes);
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		const decided = await run(
			'decide',
			'globex-paper-co',
			'approve',
			'--reason',
			'no-exposure',
			'--evidence',
			letter,
			'--evidence',
			letter,
		);
		expect(decided.status, decided.stderr).toBe(0);
		expect(decided.stdout).toContain(', 1 evidence file;');
		expect((await entries())[0]).toMatchObject({evidence: [{name: 'legal letter.pdf', size: bytes.length, sha256}]});
		const stored = join(home.path, 'data', 'evidence', sha256);
		expect(readFileSync(stored)).toEqual(bytes);
		expect(statSync(stored).mode & 0o777).toBe(0o600);
		expect((await cli(['log', 'verify'])).stdout).toContain('evidence: 1 file present and unchanged');

		writeFileSync(stored, 'tampered');
		expect((await cli(['log', 'verify'])).stderr).toMatch(/evidence "legal letter\.pdf" of entry seq 1 \(sha256 [0-9a-f]{64}\) is changed/);
		rmSync(stored);
		const missing = await cli(['log', 'verify']);
		expect(missing.status).toBe(1);
		expect(missing.stderr).toMatch(/is missing/);
	});

	it('a folder, or a file that is not there, is refused before anything is written', async ({onTestFinished}) => {
		const {home, run, entries} = homeForTest(onTestFinished);
		const folder = join(home.path, 'folder');
		mkdirSync(folder);
		expect((await run('decide', 'globex-paper-co', 'approve', '--reason', 'no-exposure', '--evidence', folder)).stderr).toMatch(
			/--evidence .+folder: not a regular file/,
		);
		expect(
			(await run('decide', 'globex-paper-co', 'approve', '--reason', 'no-exposure', '--evidence', join(home.path, 'nope'))).status,
		).toBe(2);
		expect(await entries()).toEqual([]);
	});
});

describe.concurrent('re-review cadence by tier', () => {
	/** Each vendor's review date, from one export of the log. */
	const reviewDates = async (entries: () => Promise<Array<Record<string, unknown>>>) =>
		new Map((await entries()).map(entry => [entry.vendorId, entry.reviewBy]));

	it('the inventory’s criticality picks the period; an untiered vendor keeps reviewDays.<outcome>', async ({onTestFinished}) => {
		const {run, entries} = homeForTest(onTestFinished);
		for (const vendor of ['acme-office-supplies-inc', 'globex-paper-co', 'initech-staplers'])
			expect((await run('decide', vendor, 'approve', '--reason', 'no-exposure')).status).toBe(0);
		const reviewBy = await reviewDates(entries);
		expect(reviewBy.get('acme-office-supplies-inc')).toBe(addDays(testToday, 180));
		expect(reviewBy.get('globex-paper-co')).toBe(addDays(testToday, 90));
		// A tier the config has no periods for falls back to the untiered ones.
		expect(reviewBy.get('initech-staplers')).toBe(addDays(testToday, 90));
	});

	it('config set reviewDays.<tier>.<outcome> changes one tier and outcome', async ({onTestFinished}) => {
		const {run, cli, entries} = homeForTest(onTestFinished);
		expect((await cli(['config', 'set', 'reviewDays.high.approve', '30'])).status).toBe(0);
		expect((await cli(['config', 'set', 'reviewDays.tier-3.defer', '5'])).status).toBe(0);
		expect((await cli(['config', 'set', 'reviewDays.high.maybe', '5'])).status).toBe(2);
		await run('decide', 'acme-office-supplies-inc', 'approve', '--reason', 'no-exposure');
		await run('decide', 'initech-staplers', 'defer', '--reason', 'pending-information');
		const reviewBy = await reviewDates(entries);
		expect(reviewBy.get('acme-office-supplies-inc')).toBe(addDays(testToday, 30));
		expect(reviewBy.get('initech-staplers')).toBe(addDays(testToday, 5));
		const {settings} = JSON.parse((await cli(['config', '--json'])).stdout) as {
			settings: Record<string, {value: unknown; from: string}>;
		};
		expect(settings['reviewDays.high.approve']).toEqual({value: 30, from: 'settings file'});
		expect(settings['reviewDays.high.defer']).toEqual({value: 30, from: 'default'});
		expect(settings['reviewDays.tier-3.defer']).toEqual({value: 5, from: 'settings file'});
		expect(settings['reviewDays.critical.approve']).toEqual({value: 90, from: 'default'});
	});
});

describe.concurrent('the queue says why', () => {
	it('no decision and due appear in queue and list queue --json, and the queue table shows the column', async ({onTestFinished}) => {
		const {run, cli, inventory} = homeForTest(onTestFinished);
		const why = async (id: string) =>
			(JSON.parse((await run('list', 'queue', '--json')).stdout) as {rows: Array<{id: string; why: string}>}).rows.find(
				row => row.id === id,
			)?.why;
		expect(await why(hikvision)).toBe('no decision');
		const table = await run('queue');
		expect(table.stdout).toMatch(/│ Vendor +│ Why +│/);
		expect(table.stdout).toMatch(/│ Hangzhou Hikvision.* │ no decision +│/);
		expect((await run('decide', hikvision, 'defer', '--reason', 'pending-information', '--review-by', addDays(testToday, 3))).status).toBe(
			0,
		);
		expect(await why(hikvision)).toBeUndefined();
		const later = await cli(['--inventory', inventory, 'queue', '--json'], {env: {VENDOR_RISK_TODAY: addDays(testToday, 3)}});
		expect((JSON.parse(later.stdout) as {rows: Array<{id: string; why: string}>}).rows.find(row => row.id === hikvision)?.why).toBe(
			`due ${addDays(testToday, 3)}`,
		);
	});
});
