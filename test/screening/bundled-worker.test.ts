// The shipped worker: dist/screening-worker.js (built by `npm test` before vitest) must load its chunks and screen as this thread does.
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {expect, test} from 'vitest';
import {defaultThreshold, screenAll, screenHere, type ScreeningJob} from '../../source/screening/index.js';
import {inventoryRows, syntheticInventory, syntheticList} from '../../source/bench/synthetic-names.js';

const workerUrl = new URL('../../dist/screening-worker.js', import.meta.url);

test('the bundled screening worker finds what this thread finds', async () => {
	expect(existsSync(fileURLToPath(workerUrl))).toBe(true);
	const entries = syntheticList(5_000, 12);
	const vendors = inventoryRows(syntheticInventory(entries, 150, {seed: 8, plantedShare: 0.5}), 'CN');
	const job: ScreeningJob = {vendors, entries, curated: [], threshold: defaultThreshold, statisticsNames: []};
	const expected = screenHere(job);
	expect(expected.length).toBeGreaterThan(50);
	const threads = new Set<number>();
	expect(await screenAll(job, {workerUrl, workers: 2, minimumVendors: 0, onProgress: progress => threads.add(progress.threads)})).toEqual(
		expected,
	);
	expect([...threads]).toEqual([2]);
});
