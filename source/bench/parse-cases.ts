// Parsing measurements: the full-size CSL CSV (~14,000 rows, built from the real
// sample) and a generated 1,000,000-row OpenSanctions targets.simple.csv, parsed
// in a child process so its peak memory is its own.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, createWriteStream, writeFileSync} from 'node:fs';
import {parse} from 'csv-parse/sync';
import {stringify} from 'csv-stringify/sync';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {once} from 'node:events';
import {parseListFile} from '../sources/index.js';
import {percentile, type BenchRow} from './types.js';

/** A CSL CSV of `rows` rows: the real 2022 sample's records repeated, each with its own _id. */
export function writeFullCsl(path: string, sample: string, rows: number): void {
	const [header, ...records] = parse(sample, {relax_column_count: true}) as string[][];
	const out: string[][] = [header!];
	for (let index = 0; index < rows; index++) out.push([`bench-${index}`, ...records[index % records.length]!.slice(1)]);
	writeFileSync(path, stringify(out));
}

export async function writeSimpleCsv(path: string, rows: number): Promise<void> {
	const stream = createWriteStream(path);
	stream.write(
		'"id","schema","name","aliases","birth_date","countries","addresses","identifiers","sanctions","phones","emails","dataset","first_seen","last_seen","last_change"\n',
	);
	for (let index = 0; index < rows; index++) {
		const line = `"NK-${index}","Company","Synthetic Trading ${index} LLC","Synth ${index};ST ${index}","","ru;cn","Street ${index}, City","reg-${index}","Sanction ${index % 97}","","","Synthetic list","2024-01-01T00:00:00","2026-11-01T00:00:00","2025-06-01T00:00:00"\n`;
		if (!stream.write(line)) await once(stream, 'drain');
	}
	stream.end();
	await once(stream, 'finish');
}

/** Entry point for the child process: parse one file and report time and peak RSS. */
export async function parseChild(path: string): Promise<void> {
	const started = performance.now();
	const parsed = await parseListFile(path);
	const elapsed = performance.now() - started;
	process.stdout.write(JSON.stringify({entries: parsed.entities.length, ms: elapsed, maxRssKb: process.resourceUsage().maxRSS}));
}

export async function parseBenchCases(bench: string, sampleCsv: string): Promise<BenchRow[]> {
	const directory = mkdtempSync(join(tmpdir(), 'vendor-risk-bench-'));
	try {
		const csl = join(directory, 'consolidated.csv');
		writeFullCsl(csl, readFileSync(sampleCsv, 'utf8'), 14_000);
		const times: number[] = [];
		for (let run = 0; run < 5; run++) {
			const started = performance.now();
			await parseListFile(csl);
			times.push(performance.now() - started);
		}
		const median = percentile(times, 0.5);
		const rows: BenchRow[] = [
			{
				case: 'parse full CSL CSV',
				size: '14,000 rows',
				medianMs: median,
				p95Ms: percentile(times, 0.95),
				baseline: null,
				baselineMs: null,
				target: '<= 0.5 s',
				met: median <= 500,
			},
		];

		const simple = join(directory, 'targets.simple.csv');
		await writeSimpleCsv(simple, 1_000_000);
		const child = spawnSync(process.execPath, ['--max-old-space-size=4096', bench, '--parse-child', simple], {
			encoding: 'utf8',
			maxBuffer: 1 << 20,
		});
		const result = JSON.parse(child.stdout || '{}') as {entries?: number; ms?: number; maxRssKb?: number};
		const peakMb = (result.maxRssKb ?? 0) / 1024;
		rows.push({
			case: 'stream targets.simple.csv',
			size: `${(result.entries ?? 0).toLocaleString('en')} rows`,
			medianMs: result.ms ?? Number.NaN,
			p95Ms: null,
			baseline: null,
			baselineMs: null,
			target: 'peak RSS <= 1 GB',
			met: result.entries === 1_000_000 && peakMb <= 1024,
			note: `peak RSS ${Math.round(peakMb)} MB${child.status === 0 ? '' : `; child exited ${child.status}: ${child.stderr.split('\n')[0]}`}`,
		});
		return rows;
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}
