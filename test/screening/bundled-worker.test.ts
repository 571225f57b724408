// The shipped worker: dist/screening-worker.js (built by `npm test` before vitest) must load its chunks and answer as this thread does.
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {expect, test} from 'vitest';
import {buildIndex, matchName, type CandidateIndex} from '../../source/screening/index.js';
import {primeNeighbourCache} from '../../source/screening/neighbour-pool.js';
import {syntheticInventory, syntheticList} from '../../source/bench/synthetic-names.js';

const workerUrl = new URL('../../dist/screening-worker.js', import.meta.url);

test('the bundled screening worker finds what this thread finds', async () => {
	expect(existsSync(fileURLToPath(workerUrl))).toBe(true);
	const list = syntheticList(5_000, 12);
	const names = syntheticInventory(list, 150, {seed: 8, plantedShare: 0.5});
	const matchesOf = (index: CandidateIndex) => names.map(name => matchName(index, name).map(match => `${match.entity.id}:${match.score}`));
	const index = buildIndex(list);
	const report = await primeNeighbourCache(index, names, {workerUrl, threads: 2, minimumWork: 0, workOnThisThread: false});
	expect(report.searchedByWorkers).toBe(report.tokens);
	expect(report.tokens).toBeGreaterThan(100);
	const expected = matchesOf(buildIndex(list));
	expect(expected.flat().length).toBeGreaterThan(50);
	expect(matchesOf(index)).toEqual(expected);
});
