// Every loss in the decision log is detectable, through the built CLI on real files:
// a deleted tail (newest entry or newest shard), a shard that parses but is not a
// shard, a chain that no longer verifies (no append onto it), and exports that
// would land on the app's own files. Then the two ways back: a new chain that
// records the break, and a restore from an export bundle.
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync} from 'node:fs';
import {AsyncLocalStorage} from 'node:async_hooks';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {sealEntry} from '../../source/decisions/chain.js';
import {openDecisionLog, verifyChain, type DecisionDraft, type EntryDraft, type LogEntry} from '../../source/decisions/index.js';
import {temporaryHome} from '../helpers.js';
import {runCli, runCliAsync} from './cli.js';

// Each test runs in a home of its own (inHome), found by the helpers through an AsyncLocalStorage,
// so the tests run concurrently: one after another, their CLI processes kept only one core busy.
const homes = new AsyncLocalStorage<ReturnType<typeof temporaryHome>>();
const home = () => homes.getStore()!;
/** The test body, run in a fresh home removed when it ends. */
const inHome =
	<Args extends unknown[]>(body: (...args: Args) => Promise<void>) =>
	async (...args: Args): Promise<void> => {
		const fresh = temporaryHome();
		try {
			await homes.run(fresh, () => body(...args));
		} finally {
			fresh.remove();
		}
	};

const data = () => join(home().path, 'data');
const shard = (index: number) => join(data(), `decisions-${String(index).padStart(5, '0')}.json`);
type Shard = {entries: Array<Record<string, unknown>>; __internal__?: unknown};
const readShard = (index: number) => JSON.parse(readFileSync(shard(index), 'utf8')) as Shard;
/** Rewrites a shard as a tamperer would: read, `edit` its entries, write back. */
const editShard = (index: number, edit: (entries: Shard['entries']) => void) => {
	const stored = readShard(index);
	edit(stored.entries);
	writeFileSync(shard(index), JSON.stringify(stored));
};
const decide = async (vendor: string) =>
	runCliAsync(['decide', vendor, 'reject', '--reason', 'sanctioned-entity', '--note', `No ${vendor}.`], home().path);
const verify = async () => runCliAsync(['log', 'verify'], home().path);
const seqs = async () =>
	(
		JSON.parse((await runCliAsync(['log', 'export', '--format', 'json'], home().path)).stdout) as {entries: Array<{seq: number}>}
	).entries.map(e => e.seq);

function draft(vendorId: string): DecisionDraft {
	return {
		kind: 'decision',
		reviewer: 'Seeder',
		vendorId,
		outcome: 'reject',
		reason: 'sanctioned-entity',
		rationale: `Seeded ${vendorId}.`,
		reviewBy: null,
		basis: {vendorFingerprint: 'f'.repeat(64), sources: []},
	};
}

/** A log of `count` entries in shards of `shardSize`, written by the store as the app writes it. */
async function seed(count: number, shardSize = 250): Promise<void> {
	const log = openDecisionLog({env: {VENDOR_RISK_HOME: home().path}, shardSize});
	await log.appendMany(Array.from({length: count}, (_, index) => draft(`vendor-${index}`)));
}

describe.concurrent('a deleted tail is detected, and its sequence numbers are never reused', () => {
	it(
		'the newest entry deleted from the newest shard',
		inHome(async () => {
			await seed(3);
			editShard(0, entries => entries.pop());

			const result = await verify();
			expect(result.status).toBe(1);
			expect(result.stderr).toMatch(
				/^vendor-risk: truncated or rewritten: the log ends at seq 2, but its head anchor records seq 3: entry 3 was deleted$/m,
			);
			expect(result.stdout).not.toContain('chain intact');

			const before = readFileSync(shard(0), 'utf8');
			const appended = await decide('kaspersky');
			expect(appended.status).toBe(1);
			expect(appended.stderr).toMatch(/cannot append to the decision log: the log ends at seq 2/);
			expect(readFileSync(shard(0), 'utf8')).toBe(before);
		}),
	);

	it(
		'the whole newest shard deleted, and several entries from the end of a shard',
		inHome(async () => {
			await seed(7, 3);
			unlinkSync(shard(2));
			expect((await verify()).stderr).toMatch(/the log ends at seq 6, but its head anchor records seq 7: entry 7 was deleted/);
			expect((await decide('huawei')).status).toBe(1);

			editShard(1, entries => entries.splice(1));
			expect((await verify()).stderr).toMatch(/the log ends at seq 4, but its head anchor records seq 7: entries 5-7 were deleted/);
		}),
	);

	it(
		'every shard deleted leaves the anchor to say so, never "0 entries"',
		inHome(async () => {
			await seed(4, 2);
			for (const index of [0, 1]) unlinkSync(shard(index));
			const result = await verify();
			expect(result.status).toBe(1);
			expect(result.stdout).toBe('');
			expect(result.stderr).toMatch(/entries 1-4 were deleted/);
		}),
	);

	it(
		'the newest entry deleted together with the anchor: the shards say there was one',
		inHome(async () => {
			await seed(3);
			editShard(0, entries => entries.pop());
			unlinkSync(join(data(), 'decisions-head.json'));
			const result = await verify();
			expect(result.status).toBe(1);
			expect(result.stderr).toMatch(/decisions-head\.json is missing, though the log was written with one: it was deleted/);
			expect((await decide('kaspersky')).status).toBe(1);
		}),
	);

	it(
		'a rewritten tail (a newest entry replaced by a valid other one) does not match the anchor',
		inHome(async () => {
			await seed(2);
			const stored = readShard(0);
			const [first, second] = stored.entries as unknown as [LogEntry, LogEntry];
			// A forger replaces entry 2 with another, correctly chained and hashed: the chain alone verifies.
			const {seq, id, at, prevHash, hash: _hash, ...content} = second;
			stored.entries[1] = sealEntry({...content, rationale: 'Approved after all.'} as EntryDraft, {seq, id, at, prevHash}) as never;
			writeFileSync(shard(0), JSON.stringify(stored));
			expect(verifyChain([first, stored.entries[1]])).toMatchObject({ok: true});
			const result = await verify();
			expect(result.status).toBe(1);
			expect(result.stderr).toMatch(/entry seq 2 is not the one its head anchor records/);
		}),
	);
});

describe.concurrent('a shard that parses but is not a shard is damage: copied aside, read-only, never reset', () => {
	const notShards: Array<[string, (stored: Shard) => string]> = [
		['null', () => 'null'],
		['an empty object', () => '{}'],
		['an empty list', () => '[]'],
		['a number', () => '42'],
		['a string', () => '"entries"'],
		['entries that are not a list', stored => JSON.stringify({...stored, entries: {}})],
		// What `jq '.entries'`-style rewrites and hand edits leave: the entries intact, conf's marker gone.
		['intact entries without conf’s marker', stored => JSON.stringify({entries: stored.entries})],
		['the entries alone, as a list', stored => JSON.stringify(stored.entries)],
	];

	it.each(notShards)(
		'%s',
		inHome(async (_name, damage) => {
			await seed(2);
			const text = damage(readShard(0));
			writeFileSync(shard(0), text);

			const result = await verify();
			expect(result.status).toBe(1);
			expect(result.stdout).not.toMatch(/0 entries/);
			expect(result.stderr).toMatch(/decisions-00000\.json is damaged \(.+\); a copy was saved as .+decisions-00000\.corrupt-/);
			const copies = readdirSync(data()).filter(name => name.startsWith('decisions-00000.corrupt-'));
			expect(copies).toHaveLength(1);
			expect(readFileSync(join(data(), copies[0]!), 'utf8')).toBe(text);

			const appended = await decide('kaspersky');
			expect(appended.status).toBe(1);
			expect(appended.stderr).toMatch(/read-only/);
			// Never reset: the file is as the damage left it, and nothing restarted at seq 1.
			expect(readFileSync(shard(0), 'utf8')).toBe(text);
		}),
	);
});

describe.concurrent('no append onto a chain that does not verify', () => {
	it(
		'an edited entry stops decide with exit 1 naming the first bad entry, and nothing is written',
		inHome(async () => {
			await seed(3);
			editShard(0, entries => (entries[1]!.rationale = 'Approved after all.'));
			const before = readFileSync(shard(0), 'utf8');

			const result = await decide('kaspersky');
			expect(result.status).toBe(1);
			expect(result.stderr).toMatch(
				new RegExp(
					`^vendor-risk: cannot append to the decision log: the chain is broken at entry 2 \\(seq 2\\), id ${String(readShard(0).entries[1]!.id)}: content does not match its hash`,
				),
			);
			expect(result.stderr).toMatch(/hint: nothing was written/);
			expect(readFileSync(shard(0), 'utf8')).toBe(before);
		}),
	);

	it(
		'a deleted middle entry stops decide too, naming where the chain breaks',
		inHome(async () => {
			await seed(4);
			editShard(0, entries => entries.splice(1, 1));
			const result = await decide('huawei');
			expect(result.status).toBe(1);
			expect(result.stderr).toMatch(/chain is broken at entry 2 \(seq 3\).*sequence broken: expected seq 2, found 3/);
		}),
	);
});

describe.concurrent("exports never land on the app's own files", () => {
	// A one-entry log, the settings file and the cache folder, made once and copied into each test's home.
	let prepared: ReturnType<typeof temporaryHome>;
	beforeAll(async () => {
		prepared = temporaryHome();
		await openDecisionLog({env: {VENDOR_RISK_HOME: prepared.path}, shardSize: 250}).appendMany([draft('vendor-0')]);
		expect(runCli(['config', 'set', 'reviewer', 'Ada'], prepared.path).status).toBe(0);
		mkdirSync(join(prepared.path, 'cache'), {recursive: true});
	});
	afterAll(() => prepared.remove());

	it.each([
		['the store itself', () => shard(0)],
		['a new file in the data folder', () => join(data(), 'export.csv')],
		['the settings', () => join(home().path, 'config', 'settings.json')],
		['the cache folder', () => join(home().path, 'cache', 'x.csv')],
		['the store through ..', () => join(home().path, 'config', '..', 'data', 'decisions-00000.json')],
	])(
		'--out onto %s is refused with exit 2 and changes nothing',
		inHome(async (_name, target) => {
			cpSync(prepared.path, home().path, {recursive: true});
			const before = existsSync(target()) ? readFileSync(target(), 'utf8') : null;
			const result = await runCliAsync(['log', 'export', '--format', 'csv', '--out', target()], home().path);
			expect(result.status).toBe(2);
			expect(result.stderr).toMatch(/^vendor-risk: --out .+: refusing to write into vendor-risk's own files/);
			expect(existsSync(target()) ? readFileSync(target(), 'utf8') : null).toBe(before);
			expect((await verify()).status).toBe(0);
		}),
	);

	it(
		'a symlink pointing into the store is refused, and so is a bundle inside the data folder',
		inHome(async () => {
			await seed(1);
			const link = join(home().path, 'innocent.csv');
			symlinkSync(shard(0), link);
			expect((await runCliAsync(['log', 'export', '--format', 'csv', '--out', link], home().path)).status).toBe(2);
			expect((await runCliAsync(['log', 'export', '--bundle', join(data(), 'bundle')], home().path)).status).toBe(2);
			expect((await verify()).status).toBe(0);
		}),
	);
});

describe.concurrent('recovery', () => {
	it(
		'log restart sets the broken log aside and begins a new chain that records the break',
		inHome(async () => {
			await seed(3);
			unlinkSync(shard(0));
			expect((await runCliAsync(['log', 'restart'], home().path)).status).toBe(2);
			const restarted = await runCliAsync(['log', 'restart', '--note', 'Shard lost in a disk failure.'], home().path);
			expect(restarted.status, restarted.stderr).toBe(0);
			expect(restarted.stdout).toMatch(
				/started a new chain: entry #1 [0-9a-f]{12} records the break \(truncated or rewritten: .*entries 1-3 were deleted\)/,
			);

			const kept = readdirSync(data()).find(name => name.startsWith('broken-'))!;
			expect(readdirSync(join(data(), kept))).toContain('decisions-head.json');
			const verified = await verify();
			expect(verified.status).toBe(0);
			expect(verified.stdout).toContain(`old log is kept in ${kept}`);
			expect((await decide('kaspersky')).status).toBe(0);
			expect(await seqs()).toEqual([1, 2]);
			const exported = JSON.parse((await runCliAsync(['log', 'export', '--format', 'json'], home().path)).stdout) as {
				entries: Array<Record<string, unknown>>;
			};
			expect(exported.entries[0]).toMatchObject({
				kind: 'restart',
				rationale: 'Shard lost in a disk failure.',
				previous: {anchorSeq: 3, lastSeq: 0},
			});
			// A log that verifies has no break to restart after.
			expect((await runCliAsync(['log', 'restart', '--note', 'again'], home().path)).status).toBe(1);
		}),
	);

	it(
		'a log restored from an export bundle verifies again, and decide goes on where it stopped',
		inHome(async () => {
			await seed(5, 2);
			const bundle = join(home().path, 'bundle');
			expect((await runCliAsync(['log', 'export', '--bundle', bundle], home().path)).status).toBe(0);
			for (const name of readdirSync(data()).filter(name => name.startsWith('decisions-0'))) rmSync(join(data(), name));
			expect((await verify()).status).toBe(1);
			cpSync(join(bundle, 'store'), data(), {recursive: true});
			expect((await verify()).status).toBe(0);
			expect((await decide('kaspersky')).status).toBe(0);
			expect(await seqs()).toEqual([1, 2, 3, 4, 5, 6]);
		}),
	);

	it(
		'a log from before the head anchor still opens and verifies, with a warning that its tail is not anchored yet',
		inHome(async () => {
			await seed(2);
			// As an older release left it: no anchor file, and shards that do not say they have one.
			unlinkSync(join(data(), 'decisions-head.json'));
			const {anchored: _dropped, ...old} = readShard(0) as Shard & {anchored?: boolean};
			writeFileSync(shard(0), JSON.stringify(old, null, '\t'));
			const result = await verify();
			expect(result.status).toBe(0);
			expect(result.stdout).toMatch(/^chain intact: 2 entries/);
			expect(result.stderr).toMatch(/warning: no head anchor yet/);
			expect((await decide('kaspersky')).status).toBe(0);
			expect((await verify()).stdout).toContain('head anchor: seq 3');
		}),
	);
});
