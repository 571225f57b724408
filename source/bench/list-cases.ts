// `list entries` as a script runs it, over 10,470 list entries (the real CSL
// sample's records repeated): the plain-text table, drawn as strings, against
// `--json` of the same rows, each in a fresh process with its output discarded.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {writeFullCsl} from './parse-cases.js';
import {percentile, type BenchRow} from './types.js';

const entries = 10_470;
const runs = 5;

export async function listBenchCases(cli: string, sampleCsv: string): Promise<BenchRow[]> {
	const directory = mkdtempSync(join(tmpdir(), 'vendor-risk-bench-list-'));
	try {
		const csl = join(directory, 'consolidated.csv');
		writeFullCsl(csl, readFileSync(sampleCsv, 'utf8'), entries);
		const env = {...process.env, VENDOR_RISK_HOME: join(directory, 'home'), VENDOR_RISK_TODAY: '2026-12-06'};
		const time = (extra: string[]) => {
			const started = performance.now();
			const child = spawnSync(process.execPath, [cli, '--source', csl, 'list', 'entries', ...extra], {env, stdio: 'ignore'});
			if (child.status !== 0) throw new Error(`list entries ${extra.join(' ')} exited ${child.status}`);
			return performance.now() - started;
		};
		// Alternated, so a busy moment on the machine falls on both alike.
		const text: number[] = [];
		const json: number[] = [];
		for (let run = 0; run < runs; run++) {
			text.push(time([]));
			json.push(time(['--json']));
		}
		const textMedian = percentile(text, 0.5);
		const jsonMedian = percentile(json, 0.5);
		return [
			{
				case: 'list entries (plain-text table)',
				size: `${entries.toLocaleString('en')} entries`,
				medianMs: textMedian,
				p95Ms: percentile(text, 0.95),
				baseline: 'list entries --json',
				baselineMs: jsonMedian,
				target: '<= 1.5x',
				met: textMedian <= 1.5 * jsonMedian,
			},
		];
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}
