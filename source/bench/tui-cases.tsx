// TUI measurements: first frame in a real pseudo-terminal, --help/--version
// start-up, and filter keystrokes at 100,000 vendors (key to rendered frame).
import React from 'react';
import {spawn as spawnChild, spawnSync} from 'node:child_process';
import {renderToString} from 'ink';
import {buildCatalog} from '../records/catalog.js';
import {appReducer, initialState, type AppState} from '../ui/state.js';
import {TableScreen} from '../ui/components/table-screen.js';
import {syntheticRecords} from './generate.js';
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

/** Time from spawning the TUI in a pseudo-terminal to the painted vendors table. */
async function firstFrameTimes(cli: string, runs: number): Promise<number[]> {
	const pty = await import('node-pty');
	const times: number[] = [];
	const environment = Object.fromEntries(Object.entries(process.env).filter(([key, value]) => value !== undefined && key !== 'CI' && !key.startsWith('CI_'))) as Record<string, string>;
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		const child = pty.spawn(process.execPath, [cli], {cols: 80, rows: 24, env: environment});
		await new Promise<void>(resolve => {
			let output = '';
			child.onData(data => {
				output += data;
				if (output.includes('Kaspersky') && output.includes('shown')) {
					times.push(performance.now() - started);
					child.kill();
					resolve();
				}
			});
		});
	}
	return times;
}

function typeFilter(state: AppState, query: string, naive: boolean): {times: number[]; state: AppState} {
	const times: number[] = [];
	let current = appReducer(state, {type: 'key', event: {input: '/'}});
	for (const character of query) {
		const started = performance.now();
		if (naive) {
			// Baseline: re-filter every row from scratch on each key (no incremental narrowing).
			current = {...current, tables: {...current.tables, vendors: {...current.tables.vendors, result: {...current.tables.vendors.result, source: []}}}};
		}
		current = appReducer(current, {type: 'key', event: {input: character}});
		renderToString(<TableScreen state={current} />, {columns: 80});
		times.push(performance.now() - started);
	}
	return {times, state: current};
}

export async function tuiBenchCases(cli: string): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	const baseline = timeCommand(['-e', '0'], 10);
	const baselineMedian = median(baseline);
	const frames = await firstFrameTimes(cli, 7);
	rows.push({case: 'first frame (embedded data, PTY 80x24)', size: '26 vendors', medianMs: median(frames), p95Ms: percentile(frames, 0.95), baseline: 'node -e 0', baselineMs: baselineMedian, target: '<= 4x', met: median(frames) <= 4 * baselineMedian});
	for (const flag of ['--version', '--help']) {
		const times = timeCommand([cli, flag], 10);
		rows.push({case: `vendor-risk ${flag}`, size: '-', medianMs: median(times), p95Ms: percentile(times, 0.95), baseline: 'node -e 0', baselineMs: baselineMedian, target: '<= 1.5x', met: median(times) <= 1.5 * baselineMedian});
	}

	const catalog = buildCatalog([{name: 'synthetic', document: syntheticRecords(100_000)}]);
	const state = initialState({catalog, asOf: '2026-11-28', entries: [], sources: []}, {columns: 80, rows: 24});
	const queries = ['kasotek', 'novahua', 'hq:CN sys', 'ra !net'];
	const incremental: number[] = [];
	const naive: number[] = [];
	for (const query of queries) {
		incremental.push(...typeFilter(state, query, false).times);
		naive.push(...typeFilter(state, query, true).times);
	}
	const incrementalMedian = median(incremental);
	rows.push({
		case: 'filter keystroke (key to frame)', size: '100,000 vendors', medianMs: incrementalMedian, p95Ms: percentile(incremental, 0.95),
		baseline: 'naive re-filter', baselineMs: median(naive), target: 'median <= 50 ms, p95 <= 100 ms', met: incrementalMedian <= 50 && percentile(incremental, 0.95) <= 100,
	});
	return rows;
}

export {spawnChild};
