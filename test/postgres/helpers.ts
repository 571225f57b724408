// Shared setup of the PostgreSQL tests: a migrated database, reviewer processes
// writing to it, and the log as the database holds it.
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeEach, expect} from 'vitest';
import {migrateStore} from '../../source/decisions/postgres/migrate.js';
import {verifyChain, type LogEntry} from '../../source/decisions/index.js';
import {runCli} from '../commands/cli.js';
import {useBundledScript} from '../helpers/bundle-script.js';
import {storeUrl, superuserPassword, type TestServer} from './server.js';

/** A new database on `server`, migrated as `store migrate` does it; returns its store URL (as the superuser). */
export async function migratedDatabase(server: TestServer, prefix: string): Promise<{database: string; url: string}> {
	const database = await server.createDatabase(prefix);
	const url = storeUrl(server, database);
	await migrateStore(new URL(url), url, {PGPASSWORD: superuserPassword});
	return {database, url};
}

/** The database, the reviewers' environment, and each reviewer's home by lower-case first name ("ada"). */
export type Reviewers = {database: string; env: Record<string, string>; homes: Record<string, string>};

/**
 * Before each test: a new migrated database on `server` and, under `root`, one home
 * per named reviewer, each set up with `config set reviewer`.
 */
export function useReviewers(
	server: () => TestServer,
	root: {readonly path: string},
	prefix: string,
	names: readonly string[],
): () => Reviewers {
	let reviewers: Reviewers | undefined;
	beforeEach(async () => {
		const migrated = await migratedDatabase(server(), prefix);
		const homes: Record<string, string> = {};
		for (const name of names) {
			const home = join(root.path, name.split(' ')[0]!.toLowerCase());
			mkdirSync(home, {recursive: true});
			expect(runCli(['config', 'set', 'reviewer', name], home).status).toBe(0);
			homes[name.split(' ')[0]!.toLowerCase()] = home;
		}
		reviewers = {database: migrated.database, env: {VENDOR_RISK_STORE: migrated.url, PGPASSWORD: superuserPassword}, homes};
	});
	return () => reviewers!;
}

/** The environment of a reviewer process on `url` (the superuser's password, as PGPASSWORD). */
export const storeEnv = (url: string, home: string): NodeJS.ProcessEnv => ({
	...process.env,
	VENDOR_RISK_HOME: home,
	VENDOR_RISK_STORE: url,
	PGPASSWORD: superuserPassword,
});

/** Every entry of the database's log, oldest first, parsed from the stored text. */
export async function storedEntries(server: TestServer, database: string): Promise<LogEntry[]> {
	const admin = await server.admin(database);
	const {rows} = await admin.query<{entry: string}>('SELECT entry FROM vendor_risk.entries ORDER BY seq');
	return rows.map(row => JSON.parse(row.entry) as LogEntry);
}

export async function storedChainVerifies(server: TestServer, database: string): Promise<ReturnType<typeof verifyChain>> {
	return verifyChain(await storedEntries(server, database));
}

export function useWriterScript(): () => string {
	return useBundledScript(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'writer.ts'), 'pg-writer.mjs');
}

export type Ack = {label: string; seq: number; id: string; where: 'database' | 'outbox'};

export type Writer = {
	child: ChildProcess;
	acks: Ack[];
	stderr: string;
	exited: Promise<number | null>;
	/** Resolves once `predicate` holds (checked on every line the child prints), or rejects when it exits first. */
	until(predicate: () => boolean): Promise<void>;
};

export function spawnWriter(script: string, env: NodeJS.ProcessEnv, count: number, label: string): Writer {
	const child = spawn(process.execPath, [script, env.VENDOR_RISK_HOME!, String(count), label], {env, stdio: ['ignore', 'pipe', 'pipe']});
	const wakers = new Set<() => void>();
	const writer: Writer = {
		child,
		acks: [],
		stderr: '',
		exited: new Promise(resolve => child.on('exit', code => resolve(code))),
		until(predicate) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (!predicate()) return;
					wakers.delete(check);
					resolve();
				};
				wakers.add(check);
				check();
				void writer.exited.then(() => {
					if (wakers.has(check)) reject(new Error(`writer ${label} exited first: ${writer.stderr}`));
				});
			});
		},
	};
	let buffered = '';
	child.stdout!.setEncoding('utf8');
	child.stdout!.on('data', (chunk: string) => {
		buffered += chunk;
		const lines = buffered.split('\n');
		buffered = lines.pop()!;
		for (const line of lines) {
			const [word, ackLabel, seq, id, where] = line.split(' ');
			if (word === 'ack') writer.acks.push({label: ackLabel!, seq: Number(seq), id: id!, where: where as Ack['where']});
			for (const wake of [...wakers]) wake();
		}
	});
	child.stderr!.setEncoding('utf8');
	child.stderr!.on('data', (chunk: string) => (writer.stderr += chunk));
	return writer;
}
