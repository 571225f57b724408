// Real parts for the fetch tests: an HTTP server on 127.0.0.1, a temporary
// VENDOR_RISK_HOME, the list fixtures, and a CommandIO that records its output.
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import http from 'node:http';
import {afterEach, beforeEach} from 'vitest';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {CommandIO} from '../../../source/commands/io.js';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** shared/ sits beside the repository, here and in CI's fresh clone. */
export const fixturesDir = resolve(repositoryRoot, 'test/fixtures');
export const fixture = (relativePath: string): string => join(fixturesDir, relativePath);

export type TestServer = {
	origin: string;
	port: number;
	requests: http.IncomingHttpHeaders[];
	paths: string[];
	close(): Promise<void>;
};

// Servers still open when a test ends are closed by useTempHome's afterEach.
const openServers = new Set<TestServer>();

export async function startServer(handler: http.RequestListener, host = '127.0.0.1'): Promise<TestServer> {
	const requests: http.IncomingHttpHeaders[] = [];
	const paths: string[] = [];
	const server = http.createServer((request, response) => {
		requests.push(request.headers);
		paths.push(request.url ?? '');
		handler(request, response);
	});
	await new Promise<void>(ready => server.listen(0, host, ready));
	const {port} = server.address() as AddressInfo;
	const testServer: TestServer = {
		origin: `http://${host}:${port}`,
		port,
		requests,
		paths,
		async close() {
			if (!openServers.delete(testServer)) return;
			server.closeAllConnections();
			await new Promise<void>(done => server.close(() => done()));
		},
	};
	openServers.add(testServer);
	return testServer;
}

export function tempHome(): {home: string; env: NodeJS.ProcessEnv; cleanup(): void} {
	const home = mkdtempSync(join(tmpdir(), 'vendor-risk-fetch-'));
	// Only what the code under test needs: no proxy variables leak in from the machine.
	const env: NodeJS.ProcessEnv = {VENDOR_RISK_HOME: home, PATH: process.env.PATH};
	return {home, env, cleanup: () => rmSync(home, {recursive: true, force: true})};
}

/** A fresh temporary home per test; at the end every test server is closed and the home removed. */
export function useTempHome(): {readonly home: string; readonly env: NodeJS.ProcessEnv} {
	let current: ReturnType<typeof tempHome> | undefined;
	beforeEach(() => {
		current = tempHome();
	});
	afterEach(async () => {
		for (const server of [...openServers]) await server.close();
		current?.cleanup();
	});
	return {
		get home() {
			return current!.home;
		},
		get env() {
			return current!.env;
		},
	};
}

export type RecordingIO = CommandIO & {out: string[]; err: string[]; output(): string};

export function recordingIO(env: NodeJS.ProcessEnv, {tty = false}: {tty?: boolean} = {}): RecordingIO {
	const out: string[] = [];
	const err: string[] = [];
	return {
		stdout: {write: (text: string) => out.push(text), isTTY: tty, columns: 100},
		stderr: {write: (text: string) => err.push(text), isTTY: tty, columns: 100},
		env,
		asOf: '2026-01-15',
		debug: false,
		out,
		err,
		output: () => out.join('') + err.join(''),
	};
}

/** Every file under a folder, for "the secret was written nowhere" checks. */
export function filesUnder(folder: string): string[] {
	const files: string[] = [];
	for (const entry of readdirSync(folder)) {
		const path = join(folder, entry);
		if (statSync(path).isDirectory()) files.push(...filesUnder(path));
		else files.push(path);
	}
	return files;
}

export function filesContaining(folder: string, marker: string): string[] {
	return filesUnder(folder).filter(path => readFileSync(path).includes(marker));
}
