// A read-only home (issue 21 §6): reading commands work without a cache and say so at most
// once; writing commands exit 1 with one line naming what could not be written. Run as
// another user when the tests run as root (root writes anywhere), on real files.
import {chmodSync, copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {builtCli, temporaryHome} from '../helpers.js';
import {eachAtOnce, expectOneLine, fixtureFile, runChild, walk, type ChildOptions} from './hardening.js';

const asRoot = process.getuid?.() === 0;
/** Someone the read-only home does not belong to: nobody, when the tests run as root. */
let reader: ChildOptions = asRoot ? {uid: 65534, gid: 65534} : {};
let noProxy: Record<string, string> = {NO_PROXY: '127.0.0.1'};

let server: http.Server;
let origin = '';
beforeAll(async () => {
	if (asRoot) {
		// nobody must reach the homes inside this run's private temporary folder (traverse only, no listing),
		// and needs a temporary folder of its own for scratch files.
		chmodSync(tmpdir(), 0o711);
		const scratch = join(tmpdir(), 'scratch-for-nobody');
		mkdirSync(scratch, {recursive: true});
		chmodSync(scratch, 0o1777);
		noProxy = {...noProxy, TMPDIR: scratch};
		// The checkout may sit in a folder only root can enter (CI's private mktemp copy): nobody runs
		// a copy of the bundle from here instead.
		const bundle = join(tmpdir(), 'bundle-for-nobody');
		cpSync(dirname(builtCli), bundle, {recursive: true});
		for (const {path} of walk(bundle).folders) chmodSync(path, 0o755);
		for (const {path} of walk(bundle).files) chmodSync(path, 0o644);
		chmodSync(bundle, 0o755);
		reader = {...reader, cli: join(bundle, 'cli.js')};
	}
	server = http.createServer((_request, response) =>
		response.writeHead(200, {'content-type': 'text/csv'}).end(readFileSync(fixtureFile('csl-csv', 'consolidated_2025_small.csv'))),
	);
	await new Promise<void>(ready => server.listen(0, '127.0.0.1', ready));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>(done => server.close(() => done()));
});

/** Readable by everyone, writable by no one but root: folders 0555, files 0444. */
function makeReadOnly(root: string): void {
	chmodSync(root, 0o555);
	for (const {path} of walk(root).folders) chmodSync(path, 0o555);
	for (const {path} of walk(root).files) chmodSync(path, 0o444);
}

type Home = {path: string; inputs: string; remove(): void};

/** A home and, beside it, the inputs a command reads (a list, an inventory), all readable by the reader. */
function homeWithInputs(): Home {
	const base = temporaryHome();
	chmodSync(base.path, 0o755);
	const inputs = join(base.path, 'inputs');
	mkdirSync(inputs);
	copyFileSync(fixtureFile('csl-csv', 'consolidated_2025_small.csv'), join(inputs, 'list.csv'));
	writeFileSync(join(inputs, 'inventory.csv'), 'name\nAtlas Sanatgaran\nAcme Harmless\n');
	chmodSync(inputs, 0o755);
	for (const file of ['list.csv', 'inventory.csv']) chmodSync(join(inputs, file), 0o644);
	const path = join(base.path, 'home');
	mkdirSync(path);
	return {path, inputs, remove: base.remove};
}

async function expectReads(home: Home, args: string[], status = 0): Promise<string> {
	const run = await runChild(args, home.path, {...reader, env: noProxy});
	expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(status);
	const lines = run.stderr.split('\n').filter(line => /^vendor-risk: /.test(line));
	// At most the one note; no stack, no raw ENOENT or EACCES from a mkdir.
	expect(
		lines.filter(line => !/^vendor-risk: note: cannot write the cache in /.test(line)),
		`${args.join(' ')}: ${run.stderr}`,
	).toEqual([]);
	expect(lines.length).toBeLessThanOrEqual(1);
	return run.stdout;
}

async function expectWriteRefused(home: Home, args: string[], names: RegExp): Promise<void> {
	const run = await runChild(args, home.path, {...reader, env: noProxy});
	expect(run.status, `${args.join(' ')}: ${run.stdout} ${run.stderr}`).toBe(1);
	expect(expectOneLine(run.stderr, args.join(' '))).toMatch(names);
}

describe('a read-only home with nothing in it', () => {
	let home: Home;
	beforeAll(() => {
		home = homeWithInputs();
		makeReadOnly(home.path);
	});
	afterAll(() => {
		chmodSync(home.path, 0o755);
		home.remove();
	});

	it('reading commands work, and a run that needed the cache says so once', async () => {
		const list = join(home.inputs, 'list.csv');
		const inventory = join(home.inputs, 'inventory.csv');
		// Nothing can be written to this home, so no command depends on another: they run side by side.
		await eachAtOnce(
			[
				async () => expectReads(home, ['list', 'vendors']),
				async () => expect(JSON.parse(await expectReads(home, ['--source', list, 'list', 'entries', '--json']))).toMatchObject({count: 13}),
				async () =>
					expect(await expectReads(home, ['--source', list, '--inventory', inventory, 'screen', '--fail-on', 'hit'], 1)).toContain(
						'Atlas Sanatgaran',
					),
				async () => {
					// A downloaded one-off source needs scratch space: the system's temporary folder, and one note.
					const downloaded = await runChild(['--source', `${origin}/list.csv`, 'list', 'entries', '--json'], home.path, {
						...reader,
						env: noProxy,
					});
					expect(downloaded.status, downloaded.stderr).toBe(0);
					expect(downloaded.stderr).toMatch(
						/^vendor-risk: note: cannot write the cache in .*: (permission denied \(EACCES\)|the file system is read-only \(EROFS\)); working without it this run\n$/,
					);
				},
				...[
					['match', 'Kaspersky Lab', 'AO Kaspersky Lab'],
					['sources'],
					['config'],
					['inventory'],
					['log', 'verify'],
					['log', 'export', '--format', 'json'],
					['changes'],
					['queue'],
				].map(args => async () => expectReads(home, args)),
			],
			task => task(),
		);
	}, 120_000);

	it('writing commands exit 1 with one line', async () => {
		const list = join(home.inputs, 'list.csv');
		// Each is refused and nothing can be written: they run side by side.
		await eachAtOnce(
			[
				[['config', 'set', 'reviewer', 'Ada'], /^vendor-risk: cannot save the settings in .*settings\.json: /],
				[['sources', 'add', list], /^vendor-risk: cannot save the settings in /],
				[['inventory', 'set', join(home.inputs, 'inventory.csv')], /^vendor-risk: cannot save the settings in /],
				[
					['decide', 'kaspersky', 'reject', '--reason', 'sanctioned-entity', '--note', 'listed'],
					/^vendor-risk: cannot write .*\/data[^:]*: /,
				],
				[['log', 'export', '--format', 'csv', '--out', join(home.path, 'export.csv')], /^vendor-risk: cannot write .*export\.csv: /],
			] as Array<[string[], RegExp]>,
			([args, names]) => expectWriteRefused(home, args, names),
		);
	}, 60_000);
});

describe('a home with data, then made read-only', () => {
	let home: Home;
	beforeAll(async () => {
		home = homeWithInputs();
		for (const args of [
			['sources', 'add', join(home.inputs, 'list.csv'), '--name', 'CSL'],
			['fetch'],
			['inventory', 'set', join(home.inputs, 'inventory.csv')],
		])
			expect((await runChild(args, home.path)).status).toBe(0);
		makeReadOnly(home.path);
	});
	afterAll(() => {
		chmodSync(home.path, 0o755);
		home.remove();
	});

	it('screen, list, sources and changes read what is there; the screening cache is skipped with one note', async () => {
		const screened = await runChild(['screen', '--format', 'json'], home.path, {...reader, env: noProxy});
		expect(screened.status, screened.stderr).toBe(0);
		expect((JSON.parse(screened.stdout) as {hits: unknown[]}).hits).toHaveLength(1);
		expect(screened.stderr).toMatch(/^vendor-risk: note: cannot write the cache in .*cache: .*; working without it this run\n$/);
		// Nothing can be written to this home: the reads run side by side.
		await eachAtOnce(
			[
				async () => expect(JSON.parse(await expectReads(home, ['list', 'entries', '--json']))).toMatchObject({count: 13}),
				async () => expect(await expectReads(home, ['sources'])).toMatch(/CSL .* ok$/m),
				async () => expectReads(home, ['changes', '--json']),
				async () => expectReads(home, ['queue', '--json']),
			],
			task => task(),
		);
	}, 60_000);

	it('fetch, sources remove, config set and decide exit 1 with one line', async () => {
		// Each is refused and nothing can be written: they run side by side.
		await eachAtOnce(
			[
				[['fetch'], /^vendor-risk: cannot write .*cache: /],
				[['sources', 'remove', 'CSL'], /^vendor-risk: cannot write .*settings\.json: /],
				[['config', 'set', 'threshold', '0.9'], /^vendor-risk: cannot write .*settings\.json: /],
				[
					['decide', 'atlas-sanatgaran', 'escalate', '--reason', 'sanctioned-entity', '--note', 'hit'],
					/^vendor-risk: cannot write .*\/data[^:]*: /,
				],
			] as Array<[string[], RegExp]>,
			([args, names]) => expectWriteRefused(home, args, names),
		);
	}, 60_000);
});
