import {writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {describe, expect, test} from 'vitest';
import {buildIndex, matchName} from '../../source/screening/index.js';
import {primeNeighbourCache} from '../../source/screening/neighbour-pool.js';
import {syntheticInventory, syntheticList} from '../../source/bench/synthetic-names.js';
import {useBundledScript} from '../helpers/bundle-script.js';

const list = syntheticList(20_000, 9);
const inventory = syntheticInventory(list, 400, {seed: 4, plantedShare: 0.3});
const matchesOf = (index: ReturnType<typeof buildIndex>) =>
	inventory.map(name => matchName(index, name).map(match => `${match.entity.id}:${match.score}`));
// The reference: one thread, every neighbour found lazily by matchName.
const expected = matchesOf(buildIndex(list));

const workerScript = useBundledScript(
	fileURLToPath(new URL('../../source/screening/neighbour-worker.ts', import.meta.url)),
	'screening-worker.mjs',
);

describe('neighbour pool', () => {
	test('worker threads find the same neighbours, so screening gives the same hits', async () => {
		expect(expected.flat().length).toBeGreaterThan(100);
		const workerUrl = pathToFileURL(workerScript());
		const index = buildIndex(list);
		// This thread stays out, so every token is the workers' (with it in, it may finish before they start).
		const primed = await primeNeighbourCache(index, inventory, {workerUrl, threads: 3, minimumWork: 0, workOnThisThread: false});
		expect(primed).toEqual({tokens: primed.tokens, threads: 2, searchedByWorkers: primed.tokens});
		expect(primed.tokens).toBeGreaterThan(300);
		expect(matchesOf(index)).toEqual(expected);
		// Everything was primed: nothing is left to search.
		expect((await primeNeighbourCache(index, inventory, {workerUrl, threads: 3, minimumWork: 0})).tokens).toBe(0);
	});

	test('a worker that fails costs time, not results: its tokens are searched when scored', async () => {
		const broken = join(dirname(workerScript()), 'broken-worker.mjs');
		writeFileSync(broken, "throw new Error('worker failed to start');\n");
		const index = buildIndex(list);
		const primed = await primeNeighbourCache(index, inventory, {
			workerUrl: pathToFileURL(broken),
			threads: 2,
			minimumWork: 0,
			workOnThisThread: false,
		});
		expect(primed.searchedByWorkers).toBe(0);
		expect(matchesOf(index)).toEqual(expected);
	});

	test('stays on one thread for small work and without a bundled worker', async () => {
		const index = buildIndex(list);
		expect((await primeNeighbourCache(index, inventory.slice(0, 10), {workerUrl: pathToFileURL(workerScript()), threads: 2})).threads).toBe(
			1,
		);
		// Running from source there is no dist/screening-worker.js beside the module.
		expect((await primeNeighbourCache(index, inventory, {threads: 2, minimumWork: 0})).threads).toBe(1);
		expect(matchesOf(index)).toEqual(expected);
	});
});
