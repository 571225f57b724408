// Output that streams, measured where it matters: a fetched list of 1,000,000
// rows (OpenSanctions targets.simple.csv). `fetch` parses and caches it, `list
// entries --json` writes every row; each runs in a child of its own, so its
// peak memory (worker threads included) is its own.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {childEnvironment, loadMeter, peakRssHook, runMeasured, type ChildRun} from './measure.js';
import {writeSimpleCsv} from './parse-cases.js';
import type {BenchRow} from './types.js';

const rows = 1_000_000;

function row(name: string, run: ChildRun, load: string, targetMb: number, note = ''): BenchRow {
	return {
		case: name,
		size: `${rows.toLocaleString('en')} rows`,
		medianMs: run.ms,
		p95Ms: null,
		baseline: null,
		baselineMs: null,
		target: `peak RSS <= ${targetMb} MB`,
		met: run.status === 0 && run.peakMb <= targetMb,
		load,
		note: `peak RSS ${run.peakMb} MB${note}${run.status === 0 ? '' : `; exited ${run.status}: ${run.stderr.split('\n')[0]}`}`,
	};
}

export async function streamBenchCases(cli: string): Promise<BenchRow[]> {
	const directory = mkdtempSync(join(tmpdir(), 'vendor-risk-bench-stream-'));
	try {
		const env = childEnvironment(join(directory, 'home'));
		const hook = peakRssHook(directory);
		const file = join(directory, 'targets.simple.csv');
		await writeSimpleCsv(file, rows);
		const added = spawnSync(process.execPath, [cli, 'sources', 'add', file, '--name', 'targets'], {env, encoding: 'utf8'});
		if (added.status !== 0) throw new Error(`sources add exited ${added.status}: ${added.stderr}`);
		const fetchLoad = loadMeter();
		const fetched = runMeasured(hook, cli, ['fetch'], {env});
		const result: BenchRow[] = [row('fetch (parse, cache, snapshot)', fetched, fetchLoad.reading(), 800)];
		const listLoad = loadMeter();
		const listed = runMeasured(hook, cli, ['list', 'entries', '--json'], {env});
		result.push(row('list entries --json', listed, listLoad.reading(), 600, ', output discarded'));
		return result;
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}
