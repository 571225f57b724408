// Live and offline: a reviewer's open store hears a teammate's decision through
// LISTEN/NOTIFY; when the server dies it says it is offline and keeps working from
// this machine's mirror (decisions go to the outbox, marked unsent); when the server
// is back it reconnects by itself, and `log push` sends the outbox.
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {isSharedStore, openStore, vendorIdOf, type DecisionStore, type StoreChange} from '../../source/decisions/index.js';
import {loadRunJoin, type LiveLog} from '../../source/app-context/index.js';
import {runCliAsync} from '../commands/cli.js';
import {temporaryHome} from '../helpers.js';
import {migratedDatabase, storedEntries, storeEnv} from './helpers.js';
import {superuserPassword, useServer} from './server.js';

const server = useServer();

let root: ReturnType<typeof temporaryHome>;
let database: string;
let env: Record<string, string>;
let store: DecisionStore | undefined;
let live: LiveLog | undefined;
beforeEach(async () => {
	root = temporaryHome();
	const migrated = await migratedDatabase(server(), 'live');
	database = migrated.database;
	env = {VENDOR_RISK_STORE: migrated.url, PGPASSWORD: superuserPassword};
});
afterEach(async () => {
	await store?.close();
	await live?.close();
	store = live = undefined;
	root.remove();
});

const decide = (home: string, vendor: string) =>
	runCliAsync(['decide', vendor, 'reject', '--reason', 'sanctioned-entity', '--note', `Prohibited: ${vendor}.`], join(root.path, home), {
		env,
	});
const idOf = (stdout: string) => /entry #\d+ ([0-9a-f]{12})/.exec(stdout)?.[1] ?? 'none';

describe('a reviewer with the shared log open', () => {
	it("hears a teammate's decision, goes offline with the server and back online without losing anything", async () => {
		expect((await decide('ada', 'kaspersky')).status).toBe(0);
		// As the TUI opens it: through app-context, with a snapshot, a subscription and a status line.
		const open = await (await loadRunJoin()).openLiveLog(storeEnv(env.VENDOR_RISK_STORE!, join(root.path, 'ada')));
		live = open;
		const changes: StoreChange[] = [];
		open.subscribe(change => changes.push(change));
		// Opened from this machine's copy; the database is met in the background.
		expect(open.statusLine()).toBe("shared log connecting… · this machine's copy (1 entry)");
		await vi.waitFor(() => expect(open.statusLine()).toBe('shared log online · 1 entry'), {timeout: 10_000});

		// Bo decides in another process: Ada's store hears of it without being asked.
		const fromBo = await decide('bo', 'huawei');
		expect(fromBo.status, fromBo.stderr).toBe(0);
		await vi.waitFor(() => expect(changes.flatMap(change => change.added).map(vendorIdOf)).toContain('huawei'), {
			timeout: 10_000,
		});
		expect(open.entries().map(vendorIdOf)).toEqual(['kaspersky', 'huawei']);

		await server().killHard();
		await vi.waitFor(() => expect(changes.at(-1)?.status).toMatchObject({connection: 'offline', outbox: 0}), {timeout: 10_000});
		expect(changes.at(-1)?.status.problem).toMatch(/^the shared store cannot be reached \(.+\); working from this machine's copy$/);
		expect(open.statusLine()).toMatch(
			/^shared log OFFLINE: read-only from this machine's copy \(2 entries, synced \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)$/,
		);

		// Offline, the CLI reads the mirror, and a decision goes to the outbox, marked unsent.
		const queue = await runCliAsync(['queue', '--json'], join(root.path, 'bo'), {env});
		expect(queue.status, queue.stderr).toBe(0);
		const offline = await decide('bo', 'zte');
		expect(offline.status, offline.stderr).toBe(0);
		expect(offline.stdout).toMatch(
			/^recorded reject for zte .*; entry #3 [0-9a-f]{12}\nunsent: kept in this machine's outbox \(1 unsent\) until vendor-risk log push sends it to postgres:\/\//,
		);
		expect(offline.stderr).toMatch(/^vendor-risk: warning: the shared store cannot be reached/);
		const status = await runCliAsync(['store', 'status', '--json'], join(root.path, 'bo'), {env});
		expect(JSON.parse(status.stdout)).toMatchObject({kind: 'postgres', connection: 'offline', entries: 2, outbox: 1});
		const verify = await runCliAsync(['log', 'verify'], join(root.path, 'bo'), {env});
		expect(verify.status).toBe(1);
		expect(verify.stderr).toMatch(/^vendor-risk: cannot read the shared log at postgres:\/\/\S+: connect ECONNREFUSED/);
		expect(verify.stderr + verify.stdout + offline.stderr).not.toContain(superuserPassword);

		// The server comes back: Ada's store reconnects by itself; Bo's push sends the outbox, and Ada hears it.
		await server().restart();
		await vi.waitFor(() => expect(open.status().connection).toBe('online'), {timeout: 15_000});
		const pushed = await runCliAsync(['log', 'push'], join(root.path, 'bo'), {env});
		expect(pushed.status, pushed.stderr).toBe(0);
		expect(pushed.stdout).toContain('outbox: 1 entry sent, 0 already in the shared log; 0 left');
		await vi.waitFor(() => expect(open.entries().map(vendorIdOf)).toEqual(['kaspersky', 'huawei', 'zte']), {timeout: 10_000});
		const stored = await storedEntries(server(), database);
		expect(stored.map(entry => entry.hash.slice(0, 12))).toContain(idOf(fromBo.stdout));
		expect(stored.at(-1)).toMatchObject({vendorId: 'zte', seq: 3});
	}, 90_000);

	it('keeps decisions made offline in this process unsent, and shows them after the shared entries', async () => {
		store = await openStore(storeEnv(env.VENDOR_RISK_STORE!, join(root.path, 'ada')));
		expect((await decide('bo', 'kaspersky')).status).toBe(0);
		await store.read();
		await server().killHard();
		const [entry] = await store.appendWith(() => ({
			kind: 'revocation',
			reviewer: 'Ada Lovelace',
			vendorId: 'kaspersky',
			revokes: store!.latest()[0]!.id,
			revokesSeq: 1,
			rationale: 'Wrong record.',
		}));
		await server().restart();
		expect(isSharedStore(store) && store.unsentIds().has(entry!.id)).toBe(true);
		expect(store.status()).toMatchObject({connection: 'offline', outbox: 1, entries: 1});
		// While the outbox holds entries, new ones join it: they reach the shared log in the order they were made.
		const [next] = await store.appendWith(() => ({
			kind: 'disposition',
			reviewer: 'Ada Lovelace',
			vendorId: 'kaspersky',
			disposition: 'false-positive',
			hit: {vendorFingerprint: 'a'.repeat(64), entryId: 'SDN-1', entryContentHash: 'b'.repeat(64)},
			rationale: 'Another company.',
		}));
		expect(store.latest().map(item => [item.seq, item.kind])).toEqual([
			[1, 'decision'],
			[2, 'revocation'],
			[3, 'disposition'],
		]);
		expect(isSharedStore(store) && store.unsentIds().has(next!.id)).toBe(true);
	}, 60_000);

	it('pushes an outbox asked for while the store is still meeting its database', async () => {
		await server().killHard();
		const offline = await decide('bo', 'zte');
		expect(offline.stdout, offline.stderr).toContain('unsent: kept in this machine');
		await server().restart();
		store = await openStore(storeEnv(env.VENDOR_RISK_STORE!, join(root.path, 'bo')), {connect: 'background'});
		expect(store.status().connection).toBe('connecting');
		expect(isSharedStore(store) && (await store.pushOutbox())).toMatchObject({sent: 1, remaining: 0});
		expect((await storedEntries(server(), database)).map(vendorIdOf)).toEqual(['zte']);
		// Met, the store shows the entry as shared, not as still waiting in the outbox.
		await vi.waitFor(() => expect(store!.status()).toMatchObject({connection: 'online', outbox: 0, entries: 1}));
		expect(isSharedStore(store) && store.unsentIds().size).toBe(0);
	}, 60_000);

	it("opened in the background, shows this machine's copy while connecting, then brings the rows past it", async () => {
		expect((await decide('bo', 'kaspersky')).status).toBe(0);
		expect((await decide('ada', 'huawei')).status).toBe(0);
		expect((await decide('bo', 'zte')).status).toBe(0);

		store = await openStore(storeEnv(env.VENDOR_RISK_STORE!, join(root.path, 'ada')), {connect: 'background'});
		const heard: StoreChange[] = [];
		const stop = store.subscribe(change => heard.push(change));
		// Ada's own decide left her mirror at seq 2; Bo's zte is only in the database.
		expect(store.status().connection).toBe('connecting');
		expect(store.latest().map(vendorIdOf)).toEqual(['kaspersky', 'huawei']);
		await vi.waitFor(() => expect(heard.some(change => change.added.some(entry => vendorIdOf(entry) === 'zte'))).toBe(true));
		expect(store.status()).toMatchObject({connection: 'online', entries: 3});
		stop();
	}, 60_000);
});
