import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import Conf from 'conf';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {UserInputError} from '../../source/errors/index.js';
import {entryJsonSchema} from '../../source/decisions/model.js';
import {DecisionLogReadOnlyError, genesisHash, openDecisionLog, verifyChain, type DecisionDraft} from '../../source/decisions/index.js';
import {decisionDraft, tempHome, type TempHome} from './helpers.js';

let home: TempHome;
beforeEach(() => {
	home = tempHome();
});
afterEach(() => home.remove());

const dataDir = () => join(home.home, 'data');
const shardPath = (index: number) => join(dataDir(), `decisions-${String(index).padStart(5, '0')}.json`);

describe('the decision log on disk', () => {
	test('appends are sealed with seq, prevHash and hash and land in a conf store under the data folder', async () => {
		const log = openDecisionLog({env: home.env});
		const first = await log.append(decisionDraft());
		const second = await log.append(decisionDraft({vendorId: 'huawei'}));
		expect(first).toMatchObject({seq: 1, prevHash: genesisHash});
		expect(second).toMatchObject({seq: 2, prevHash: first.hash});
		const stored = JSON.parse(readFileSync(shardPath(0), 'utf8')) as {entries: unknown[]; __internal__: {migrations: {version: string}}};
		expect(stored.entries).toEqual([first, second]);
		// The store carries its format version from the first write, for future migrations.
		expect(stored.__internal__.migrations.version).toBe('1.0.0');
	});

	test('the chain runs across shards, each shard chained to the last hash of the one before', async () => {
		const log = openDecisionLog({env: home.env, shardSize: 3});
		for (let index = 0; index < 8; index++) await log.append(decisionDraft({vendorId: `vendor-${index}`}));
		expect(log.shardFiles()).toEqual([shardPath(0), shardPath(1), shardPath(2)]);
		const shard = (index: number) =>
			(JSON.parse(readFileSync(shardPath(index), 'utf8')) as {entries: Array<{seq: number; hash: string; prevHash: string}>}).entries;
		expect(shard(1)[0]!.prevHash).toBe(shard(0).at(-1)!.hash);
		expect(shard(2).map(entry => entry.seq)).toEqual([7, 8]);
		expect(verifyChain(log.entries())).toMatchObject({ok: true, count: 8});
	});

	test('appendMany writes a batch under one lock, across shard boundaries', async () => {
		const log = openDecisionLog({env: home.env, shardSize: 4});
		const written = await log.appendMany(Array.from({length: 10}, (_, index) => decisionDraft({vendorId: `vendor-${index}`})));
		expect(written.map(entry => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(log.shardFiles()).toHaveLength(3);
		expect(verifyChain(openDecisionLog({env: home.env, shardSize: 4}).entries())).toMatchObject({ok: true, count: 10});
	});

	test('a second handle on the same store sees the appends of the first', async () => {
		const reader = openDecisionLog({env: home.env});
		expect(reader.entries()).toEqual([]);
		const writer = openDecisionLog({env: home.env});
		const entry = await writer.append(decisionDraft());
		expect(reader.entries()).toEqual([entry]);
	});

	test("entries handed out are frozen, so no caller can change another caller's view", async () => {
		const log = openDecisionLog({env: home.env});
		await log.append(decisionDraft());
		const [entry] = log.entries();
		expect(() => ((entry as {rationale: string}).rationale = 'changed')).toThrow(TypeError);
	});

	test('a draft that breaks the schema is refused before anything is written', async () => {
		const log = openDecisionLog({env: home.env});
		await expect(log.append({...decisionDraft(), outcome: 'maybe'} as unknown as DecisionDraft)).rejects.toThrow(UserInputError);
		expect(existsSync(shardPath(0))).toBe(false);
	});

	test('the JSON schema given to conf is itself valid JSON Schema (the store skips that check for speed)', () => {
		// Default ajv options validate the schema against the 2020-12 meta-schema and throw if it is wrong.
		const conf = new Conf({
			cwd: join(home.home, 'schema-check'),
			configName: 'check',
			schema: {entries: {type: 'array', items: entryJsonSchema()}} as never,
		});
		expect(() => (conf.store = {entries: [{kind: 'decision'}]})).toThrow(/schema violation/);
	});
});

describe('a damaged store', () => {
	async function seed(): Promise<{bytes: Buffer}> {
		const log = openDecisionLog({env: home.env});
		await log.append(decisionDraft());
		await log.append(decisionDraft({vendorId: 'huawei'}));
		return {bytes: readFileSync(shardPath(0))};
	}

	const backups = () => readdirSync(dataDir()).filter(name => /^decisions-00000\.corrupt-.+\.json$/.test(name));

	test('a truncated file is copied aside, left as it is, and the log opens read-only saying where', async () => {
		const {bytes} = await seed();
		const damaged = bytes.subarray(0, bytes.length - 40);
		writeFileSync(shardPath(0), damaged);

		const log = openDecisionLog({env: home.env});
		expect(log.readOnly).toBe(true);
		expect(backups()).toHaveLength(1);
		const backup = join(dataDir(), backups()[0]!);
		expect(readFileSync(backup)).toEqual(damaged);
		expect(log.readOnlyReason).toContain(shardPath(0));
		expect(log.readOnlyReason).toContain(backup);
		expect(log.readOnlyReason).not.toContain('\n');

		await expect(log.append(decisionDraft())).rejects.toThrow(DecisionLogReadOnlyError);
		await expect(log.append(decisionDraft())).rejects.toThrow(/read-only until you restore that file from a backup or move it aside/);
		expect(readFileSync(shardPath(0))).toEqual(damaged);
	});

	test('a file that parses but breaks the schema is treated the same way', async () => {
		await seed();
		const stored = JSON.parse(readFileSync(shardPath(0), 'utf8')) as {entries: Array<Record<string, unknown>>};
		delete stored.entries[1]!.reviewer;
		const damaged = JSON.stringify(stored);
		writeFileSync(shardPath(0), damaged);

		const log = openDecisionLog({env: home.env});
		expect(log.readOnly).toBe(true);
		expect(log.readOnlyReason).toMatch(/schema violation.*reviewer/);
		await expect(log.append(decisionDraft())).rejects.toThrow(/cannot append/);
		expect(readFileSync(shardPath(0), 'utf8')).toBe(damaged);
	});

	test('opening a damaged store again keeps the one copy rather than piling up identical ones', async () => {
		const {bytes} = await seed();
		writeFileSync(shardPath(0), bytes.subarray(0, 10));
		const first = openDecisionLog({env: home.env}).readOnlyReason;
		const second = openDecisionLog({env: home.env}).readOnlyReason;
		expect(backups()).toHaveLength(1);
		expect(second).toBe(first);
	});

	test('damage to an older, sealed shard is caught on open just the same', async () => {
		const log = openDecisionLog({env: home.env, shardSize: 2});
		for (let index = 0; index < 5; index++) await log.append(decisionDraft({vendorId: `vendor-${index}`}));
		const stored = JSON.parse(readFileSync(shardPath(1), 'utf8')) as {entries: Array<Record<string, unknown>>};
		stored.entries[0]!.outcome = 'maybe';
		writeFileSync(shardPath(1), JSON.stringify(stored));

		const reopened = openDecisionLog({env: home.env, shardSize: 2});
		expect(reopened.readOnlyReason).toMatch(/decisions-00001\.json is damaged \(schema violation: `entries\/0\/outcome`/);
		expect(readdirSync(dataDir()).filter(name => name.startsWith('decisions-00001.corrupt-'))).toHaveLength(1);
		await expect(reopened.append(decisionDraft())).rejects.toThrow(DecisionLogReadOnlyError);
		// What can be read is still readable: the shards before and after the damaged one.
		expect(reopened.entries().map(entry => entry.seq)).toEqual([1, 2, 5]);
	});

	test('an empty file counts as damaged too', async () => {
		await seed();
		writeFileSync(shardPath(0), '');
		const log = openDecisionLog({env: home.env});
		expect(log.readOnly).toBe(true);
		expect(readFileSync(shardPath(0), 'utf8')).toBe('');
	});
});
