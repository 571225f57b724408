// A 1,000,000-row inventory screened against a list the size of the full CSL
// (about 14,000 entries: the real CSL sample plus synthetic entries), as `screen`
// does it: the CSV parsed, the index built, the inventory's words searched and every
// row joined to the curated vendors and screened, on every core (screening-pool.ts). Issue 21: at most
// 5 minutes and 2 GB.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadEmbeddedRecords} from '../records/index.js';
import {defaultThreshold, parseInventoryFile, screenAll, screeningJob} from '../screening/index.js';
import {loadRealLists, indexAndBrandNames} from './evaluation-names.js';
import {controlCompanyNames, seededRandom, syntheticList} from './synthetic-names.js';
import type {BenchRow} from './types.js';

const rows = 1_000_000;
const listSize = 14_000;
const megabytes = (bytes: number): number => Math.round(bytes / 1_048_576);

export async function largeInventoryCase(): Promise<BenchRow> {
	const real = (await loadRealLists()).filter(entity => entity.id.startsWith('csl-csv/'));
	const list = [...real, ...syntheticList(listSize - real.length, 31)];
	// Rows: real company and brand names and ordinary generated ones, with a legal form drawn at random (the parser keeps repeated names apart by id).
	const random = seededRandom(19);
	const forms = ['', 'Inc.', 'LLC', 'Ltd', 'GmbH', 'S.A.', 'Co., Ltd.', 'AG', 'B.V.', 'Pty Ltd', 'SAS', 'Oy'];
	const names = [...indexAndBrandNames().map(({name}) => name), ...controlCompanyNames(20_000, 3)];
	const folder = mkdtempSync(join(tmpdir(), 'vendor-risk-bench-'));
	const path = join(folder, 'inventory.csv');
	const lines = ['name,country'];
	for (let row = 0; row < rows; row++) {
		const name = `${names[Math.floor(random() * names.length)]!} ${forms[Math.floor(random() * forms.length)]!}`.trim();
		lines.push(`"${name.replace(/"/g, '""')}",US`);
	}
	writeFileSync(path, lines.join('\n'));
	lines.length = 0;

	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
	const started = performance.now();
	const {vendors} = await parseInventoryFile(path, Number.MAX_SAFE_INTEGER);
	const parsedMs = performance.now() - started;
	const curated = loadEmbeddedRecords().vendors;
	let primedMs = Number.NaN;
	const hits = await screenAll(
		// As `screen` gives it: the curated vendors' entries at the end of the list's, joined in the same search.
		screeningJob({vendors, entries: list, curated, threshold: defaultThreshold}),
		{
			onProgress: ({stage}) => {
				if (stage === 'screening' && Number.isNaN(primedMs)) primedMs = performance.now() - started;
			},
		},
	);
	const totalMs = performance.now() - started;
	clearInterval(timer);
	peak = Math.max(peak, process.memoryUsage().rss);
	rmSync(folder, {recursive: true, force: true});
	return {
		case: 'screening: 1,000,000-row inventory',
		size: `${rows.toLocaleString('en')} rows x ${list.length.toLocaleString('en')} entries`,
		medianMs: Math.round(totalMs),
		p95Ms: null,
		baseline: null,
		baselineMs: null,
		target: '<= 300000 ms, <= 2048 MB peak RSS',
		met: totalMs <= 300_000 && megabytes(peak) <= 2048,
		note: `parse ${Math.round(parsedMs)} ms, index and token search ${Math.round(primedMs - parsedMs)} ms, joins and screening ${Math.round(totalMs - primedMs)} ms, ${hits.length} hits, peak RSS ${megabytes(peak)} MB`,
	};
}
