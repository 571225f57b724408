// Screening bench: a synthetic list of 1,000,000 names and an inventory of 10,000,
// screened through the candidate index; and the index's speed-up and recall
// against exhaustive scoring on a 1,000 x 50,000 slice.
import {loadMeter} from './measure.js';
import type {BenchRow} from './types.js';
import {
	buildIndex,
	defaultThreshold,
	defaultWorkers,
	matchName,
	matchNameExhaustive,
	screenAll,
	type ScreeningProgress,
} from '../screening/index.js';
import {inventoryRows, syntheticInventory, syntheticList} from './synthetic-names.js';

const listSize = 1_000_000;
const inventorySize = 10_000;
const sliceList = 50_000;
const sliceQueries = 1_000;

/** Samples resident memory every 50 ms (and on demand) while work runs. */
function rssSampler(): {sample(): void; stop(): number} {
	let peak = process.memoryUsage().rss;
	const sample = (): void => {
		peak = Math.max(peak, process.memoryUsage().rss);
	};
	const timer = setInterval(sample, 50);
	timer.unref();
	return {
		sample,
		stop() {
			clearInterval(timer);
			sample();
			return peak;
		},
	};
}

const megabytes = (bytes: number): number => Math.round(bytes / 1_048_576);

export async function screeningBenchCases(): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	const yieldToTimer = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

	// 10k x 1M: the whole pipeline, index build included, is what a reviewer waits for.
	const load = loadMeter();
	const sampler = rssSampler();
	const list = syntheticList(listSize);
	const inventory = syntheticInventory(list, inventorySize);
	await yieldToTimer();
	// As the product screens (screening-pool.ts): the index built once into shared memory, the inventory screened in slices on every core.
	const stages = new Map<ScreeningProgress['stage'], number>();
	const started = performance.now();
	const hits = await screenAll(
		{vendors: inventoryRows(inventory), entries: list, curated: [], threshold: defaultThreshold, statisticsNames: []},
		{
			onProgress: ({stage}) => {
				sampler.sample();
				if (!stages.has(stage)) stages.set(stage, performance.now() - started);
			},
		},
	);
	const totalMs = performance.now() - started;
	const peak = sampler.stop();
	const at = (stage: ScreeningProgress['stage']) => Math.round(stages.get(stage) ?? Number.NaN);
	rows.push({
		case: 'screening: index build + screen',
		size: `${inventorySize.toLocaleString('en')} x ${listSize.toLocaleString('en')} names`,
		medianMs: Math.round(totalMs),
		p95Ms: null,
		baseline: null,
		baselineMs: null,
		target: '<= 15 s, <= 1024 MB peak RSS',
		met: totalMs <= 15_000 && megabytes(peak) <= 1024,
		load: load.reading(),
		note: `${defaultWorkers()} worker threads; indexing from ${at('indexing')} ms, word search from ${at('searching')} ms, screening from ${at('screening')} ms; peak RSS ${megabytes(peak)} MB (worker threads included), ${hits.length} hits at ${defaultThreshold}`,
	});

	return rows;
}

/**
 * 1k x 50k in a fresh process, the whole pipeline timed (index build, token
 * search, scoring): where fixed costs (a worker's start, the index) dominate.
 */
export async function smallScreeningBenchCases(): Promise<BenchRow[]> {
	const list = syntheticList(sliceList);
	const queries = syntheticInventory(list, sliceQueries, {seed: 23, plantedShare: 0.2});
	const load = loadMeter();
	const started = performance.now();
	const hits = (
		await screenAll({vendors: inventoryRows(queries), entries: list, curated: [], threshold: defaultThreshold, statisticsNames: []})
	).length;
	const totalMs = performance.now() - started;
	return [
		{
			case: 'screening: index build + screen',
			size: `${sliceQueries.toLocaleString('en')} x ${sliceList.toLocaleString('en')} names`,
			medianMs: Math.round(totalMs),
			p95Ms: null,
			baseline: null,
			baselineMs: null,
			target: '<= 1 s',
			met: totalMs <= 1000,
			load: load.reading(),
			note: `${hits} hits at ${defaultThreshold}, in a fresh process`,
		},
	];
}

/** Exhaustive vs indexed on a slice: the index's recall (a suite of its own, since exhaustive scoring takes minutes). */
export async function screeningRecallBenchCases(): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	const list = syntheticList(sliceList);
	// Exhaustive vs indexed on a slice; the exhaustive side scores each query token against the vocabulary once per query, so it is a fair baseline, not a straw man.
	const slice = list;
	const sliceIndex = buildIndex(slice);
	const queries = syntheticInventory(slice, sliceQueries, {seed: 23, plantedShare: 0.2});
	const exhaustiveStart = performance.now();
	const expected = queries.map(query => matchNameExhaustive(sliceIndex, query).map(match => match.entity.id));
	const exhaustiveMs = performance.now() - exhaustiveStart;
	const indexedStart = performance.now();
	const found = queries.map(query => new Set(matchName(sliceIndex, query).map(match => match.entity.id)));
	const indexedMs = performance.now() - indexedStart;
	let relevant = 0;
	let retrieved = 0;
	expected.forEach((ids, position) => {
		relevant += ids.length;
		retrieved += ids.filter(id => found[position]!.has(id)).length;
	});
	const recall = relevant === 0 ? 1 : retrieved / relevant;
	rows.push({
		case: 'screening: indexed vs exhaustive',
		size: `${sliceQueries.toLocaleString('en')} x ${sliceList.toLocaleString('en')} names`,
		medianMs: Math.round(indexedMs),
		p95Ms: null,
		baseline: 'exhaustive scoring',
		baselineMs: Math.round(exhaustiveMs),
		target: 'recall >= 0.99',
		met: recall >= 0.99,
		note: `speed-up ${(exhaustiveMs / indexedMs).toFixed(1)}x, recall ${recall.toFixed(4)} (${retrieved}/${relevant} exhaustive hits at ${defaultThreshold})`,
	});
	return rows;
}
