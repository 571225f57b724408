// Every input bounded, every process interruptible (issue 21 §4): one reader for local
// inputs refuses a device, a FIFO or a directory by name (no read of /dev/zero, no wait on
// a FIFO), caps the size at maxInputBytes, and the process ends promptly on SIGINT and
// SIGTERM, whatever it is waiting for.
import {execFileSync} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {cslWithEntries, expectOneLine, runChild, startCli} from './hardening.js';

let home: ReturnType<typeof temporaryHome>;
let fifo: string;
let folder: string;
beforeAll(() => {
	home = temporaryHome();
	folder = join(home.path, 'a folder');
	mkdirSync(folder);
	fifo = join(home.path, 'pipe');
	execFileSync('mkfifo', [fifo]);
});
afterAll(() => home.remove());

/** Every command that reads a local file the user names. */
const readers: Array<{name: string; args: (path: string) => string[]}> = [
	{name: '--records', args: path => ['--records', path, 'list', 'vendors']},
	{name: '--inventory', args: path => ['--inventory', path, 'screen']},
	{name: '--source', args: path => ['--source', path, 'list', 'entries']},
	{name: 'match --pairs', args: path => ['match', '--pairs', path]},
	{name: 'inventory set', args: path => ['inventory', 'set', path]},
	{name: 'sources add', args: path => ['sources', 'add', path]},
];

const notFiles = [
	{kind: 'a character device', path: () => '/dev/zero'},
	{kind: 'a character device', path: () => '/dev/urandom'},
	{kind: 'a named pipe \\(FIFO\\)', path: () => fifo},
	{kind: 'a directory', path: () => folder},
];

describe('what is not a regular file is refused by name, before it is read', () => {
	const cases = readers.flatMap(reader => notFiles.map(input => ({...reader, ...input, label: `${reader.name} ${input.kind}`})));
	// Each case is one command refused before it reads or writes anything: they run side by side.
	it.concurrent.each(cases)(
		'$name refuses $kind',
		async ({args, kind, path}) => {
			const run = await runChild(args(path()), home.path, {timeoutMs: 20_000});
			expect(run.timedOut).toBe(false);
			expect(run.status, run.stderr).toBe(2);
			expect(expectOneLine(run.stderr)).toMatch(
				new RegExp(`^vendor-risk: ${path().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: is ${kind}, not a regular file`),
			);
			expect(run.peakRssMiB).toBeLessThan(200);
		},
		30_000,
	);

	it('a configured source that points at a device fails its fetch by name and keeps nothing', async () => {
		const other = temporaryHome();
		try {
			mkdirSync(join(other.path, 'config'));
			writeFileSync(join(other.path, 'config', 'settings.json'), JSON.stringify({sources: [{name: 'Zero', location: '/dev/zero'}]}));
			const run = await runChild(['fetch'], other.path, {timeoutMs: 20_000});
			expect(run.status, run.stderr).toBe(1);
			expect(run.stderr).toMatch(/^Zero: \/dev\/zero: is a character device, not a regular file/);
			expect(run.peakRssMiB).toBeLessThan(200);
		} finally {
			other.remove();
		}
	}, 30_000);
});

describe('maxInputBytes caps every local input', () => {
	let capped: ReturnType<typeof temporaryHome>;
	const big = () => cslWithEntries(100);
	beforeAll(async () => {
		capped = temporaryHome();
		expect((await runChild(['config', 'set', 'maxInputBytes', '4096'], capped.path)).status).toBe(0);
	});
	afterAll(() => capped.remove());

	const inputs = [
		{
			name: 'an inventory',
			file: 'inventory.csv',
			content: () => `name\n${'Acme Widgets Incorporated\n'.repeat(400)}`,
			args: (path: string) => ['--inventory', path, 'screen'],
		},
		{
			name: 'a records file',
			file: 'records.json',
			content: () => JSON.stringify({schemaVersion: 1, padding: 'x'.repeat(8000)}),
			args: (path: string) => ['--records', path, 'list', 'vendors'],
		},
		{
			name: 'a pairs file',
			file: 'pairs.csv',
			content: () => `name_a,name_b\n${'Acme,Acme\n'.repeat(800)}`,
			args: (path: string) => ['match', '--pairs', path],
		},
		{name: 'a --source list', file: 'list.csv', content: big, args: (path: string) => ['--source', path, 'list', 'entries']},
	];
	it.each(inputs)('$name over the cap is refused with the limit and how to raise it', async ({file, content, args}) => {
		const path = join(capped.path, file);
		writeFileSync(path, content());
		const run = await runChild(args(path), capped.path);
		expect(run.status, run.stderr).toBe(2);
		expect(expectOneLine(run.stderr)).toMatch(/is \d+\.\d KiB, over the 4\.0 KiB limit for local inputs; .*config set maxInputBytes/);
	});

	it('a file under the cap is read, and without the setting the cap is the download cap', async () => {
		const small = join(capped.path, 'small.csv');
		writeFileSync(small, 'name\nAcme\n');
		expect((await runChild(['inventory', 'set', small], capped.path)).status).toBe(0);
		const free = temporaryHome();
		try {
			const path = join(free.path, 'list.csv');
			writeFileSync(path, big());
			const run = await runChild(['--source', path, 'list', 'entries', '--json'], free.path);
			expect(run.status, run.stderr).toBe(0);
			expect((JSON.parse(run.stdout) as {count: number}).count).toBe(100);
		} finally {
			free.remove();
		}
	});
});

describe('SIGINT and SIGTERM end the run while it waits', () => {
	let server: http.Server;
	let origin = '';
	let requests = 0;
	const timers = new Set<NodeJS.Timeout>();
	beforeAll(async () => {
		// Sends a little of a list, then one byte a second, for as long as anyone listens.
		server = http.createServer((request, response) => {
			requests++;
			response.writeHead(200, {'content-type': 'text/csv'});
			response.write(cslWithEntries(3).slice(0, 500));
			const timer = setInterval(() => response.write('x'), 1000);
			timers.add(timer);
			request.socket.on('close', () => clearInterval(timer));
		});
		await new Promise<void>(ready => server.listen(0, '127.0.0.1', ready));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		for (const timer of timers) clearInterval(timer);
		server.closeAllConnections();
		await new Promise<void>(done => server.close(() => done()));
	});

	const signals = [
		{
			signal: 'SIGINT' as const,
			code: 130,
			label: 'list entries --source <slow URL>',
			args: () => ['--source', `${origin}/slow.csv`, 'list', 'entries'],
		},
		{
			signal: 'SIGTERM' as const,
			code: 143,
			label: 'screen --source <slow URL>',
			args: (inventory: string) => ['--source', `${origin}/slow.csv`, 'screen', '--inventory', inventory],
		},
		{signal: 'SIGINT' as const, code: 130, label: 'fetch of a slow source', args: () => ['fetch'], configure: true},
		{signal: 'SIGTERM' as const, code: 143, label: 'fetch of a slow source', args: () => ['fetch'], configure: true},
	];
	it.each(signals)(
		'$signal ends $label with exit $code',
		async ({signal, code, args, configure}) => {
			const run = temporaryHome();
			try {
				const inventory = join(run.path, 'inventory.csv');
				writeFileSync(inventory, 'name\nAcme\n');
				if (configure) {
					mkdirSync(join(run.path, 'config'));
					writeFileSync(
						join(run.path, 'config', 'settings.json'),
						JSON.stringify({sources: [{name: 'Slow', location: `${origin}/slow.csv`}]}),
					);
				}
				const before = requests;
				const {child, done} = startCli(args(inventory), run.path, {env: {NO_PROXY: '127.0.0.1'}, timeoutMs: 20_000});
				// The download has begun: the process is waiting on the network.
				await vi.waitFor(() => expect(requests).toBeGreaterThan(before), {timeout: 10_000, interval: 20});
				child.kill(signal);
				const ended = await done;
				expect(ended.timedOut).toBe(false);
				expect(ended.status, ended.stderr).toBe(code);
			} finally {
				run.remove();
			}
		},
		30_000,
	);
});
