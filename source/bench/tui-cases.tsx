// TUI measurements: first frame in a real pseudo-terminal, --help/--version
// start-up, and filter keystrokes at 100,000 vendors (key to rendered frame).
import React from 'react';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {buildCatalog} from '../records/index.js';
import {vendorTable, vendorRows, type VendorRow} from '../tables/index.js';
import {App, type AppData} from '../ui/index.js';
import {syntheticRecords} from './synthetic-records.js';
import {percentile, type BenchRow} from './types.js';

const median = (values: number[]) => percentile(values, 0.5);

function timeCommand(args: string[], runs: number): number[] {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		spawnSync(process.execPath, args, {stdio: 'ignore'});
		times.push(performance.now() - started);
	}
	return times;
}

/**
 * Time from spawning the TUI in a pseudo-terminal to the painted vendors table,
 * in a home of its own: the first start (which compiles Ink and React and
 * leaves their code cache), then `runs` starts as every later one.
 */
async function firstFrameTimes(cli: string, runs: number): Promise<{first: number; later: number[]}> {
	const pty = await import('node-pty');
	const home = mkdtempSync(join(tmpdir(), 'vendor-risk-bench-'));
	const environment = {
		...(Object.fromEntries(
			Object.entries(process.env).filter(([key, value]) => value !== undefined && key !== 'CI' && !key.startsWith('CI_')),
		) as Record<string, string>),
		VENDOR_RISK_HOME: home,
	};
	/** One start, timed to its first frame; then killed, or quit with q (its cache written) and waited for. */
	const start = (quit: boolean) =>
		new Promise<number>((resolve, reject) => {
			const started = performance.now();
			const child = pty.spawn(process.execPath, [cli], {cols: 80, rows: 24, env: environment});
			let output = '';
			let painted = 0;
			// A start that ends before painting is a failure to report, not a 0 ms frame.
			child.onExit(({exitCode}) =>
				painted ? resolve(painted) : reject(new Error(`the TUI exited (${exitCode}) before its first frame: ${output.slice(-300)}`)),
			);
			child.onData(data => {
				output += data;
				if (painted || !(output.includes('Kaspersky') && output.includes('shown'))) return;
				painted = performance.now() - started;
				if (quit) child.write('q');
				else child.kill();
			});
		});
	try {
		const first = await start(true);
		const later: number[] = [];
		for (let run = 0; run < runs; run++) later.push(await start(false));
		return {first, later};
	} finally {
		rmSync(home, {recursive: true, force: true});
	}
}

/** Types each query into a mounted App (ink-testing-library), timing each key from the write to the next frame. */
async function typeFilter(data: AppData, queries: readonly string[]): Promise<number[]> {
	const {render} = await import('ink-testing-library');
	const times: number[] = [];
	for (const query of queries) {
		const instance = render(<App data={data} size={{columns: 100, rows: 24}} />);
		await frameChange(instance.lastFrame, '');
		// One unmeasured key and its deletion: the row index is built, as the app does when idle.
		for (const key of ['/', 'x', '\u007F']) {
			const before = instance.lastFrame() ?? '';
			instance.stdin.write(key);
			await frameChange(instance.lastFrame, before);
		}
		for (const character of query) {
			const before = instance.lastFrame() ?? '';
			const started = performance.now();
			instance.stdin.write(character);
			await frameChange(instance.lastFrame, before);
			times.push(performance.now() - started);
		}
		instance.unmount();
	}
	return times;
}

/** The baseline: every key re-reads and lower-cases every cell of every row. */
function naiveFilterTimes(rows: readonly VendorRow[], queries: readonly string[]): number[] {
	const columns = vendorTable.columns;
	const times: number[] = [];
	for (const query of queries) {
		for (let length = 1; length <= query.length; length++) {
			const text = query.slice(0, length).toLowerCase();
			const started = performance.now();
			rows.filter(row =>
				columns.some(column =>
					String(column.value(row) ?? '')
						.toLowerCase()
						.includes(text),
				),
			);
			times.push(performance.now() - started);
		}
	}
	return times;
}

async function frameChange(lastFrame: () => string | undefined, before: string): Promise<void> {
	while ((lastFrame() ?? '') === before) await new Promise(resolve => setImmediate(resolve));
}

export async function tuiBenchCases(cli: string): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	const baseline = timeCommand(['-e', '0'], 10);
	const baselineMedian = median(baseline);
	const {first, later: frames} = await firstFrameTimes(cli, 7);
	rows.push({
		case: 'first frame (embedded data, PTY 80x24)',
		size: '26 vendors',
		medianMs: median(frames),
		p95Ms: percentile(frames, 0.95),
		baseline: 'node -e 0',
		baselineMs: baselineMedian,
		target: '<= 4x',
		met: median(frames) <= 4 * baselineMedian,
		note: `the first start after installing (Ink and React compiled, no code cache yet) took ${first.toFixed(0)} ms`,
	});
	for (const flag of ['--version', '--help']) {
		const times = timeCommand([cli, flag], 10);
		rows.push({
			case: `vendor-risk ${flag}`,
			size: '-',
			medianMs: median(times),
			p95Ms: percentile(times, 0.95),
			baseline: 'node -e 0',
			baselineMs: baselineMedian,
			target: '<= 1.5x',
			met: median(times) <= 1.5 * baselineMedian,
		});
	}

	const catalog = buildCatalog([{name: 'synthetic', document: syntheticRecords(100_000)}]);
	const data: AppData = {catalog, asOf: '2026-11-28', entries: [], sources: []};
	const queries = ['kasotek', 'novahua', 'hq:CN sys', 'ra !net'];
	const incremental = await typeFilter(data, queries);
	const naive = naiveFilterTimes(vendorRows(catalog, data.asOf), queries);
	const incrementalMedian = median(incremental);
	rows.push({
		case: 'filter keystroke (key to frame)',
		size: '100,000 vendors',
		medianMs: incrementalMedian,
		p95Ms: percentile(incremental, 0.95),
		baseline: 'naive filter',
		baselineMs: median(naive),
		target: 'median <= 50 ms, p95 <= 100 ms',
		met: incrementalMedian <= 50 && percentile(incremental, 0.95) <= 100,
	});
	return rows;
}
