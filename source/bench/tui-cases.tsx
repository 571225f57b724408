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
import {childEnvironment, loadMeter} from './measure.js';
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

/** Time from spawning `args` in a pseudo-terminal (80x24) to output that holds every one of `wanted`; then killed, or quit with q and waited for. */
async function paintTime(args: string[], wanted: readonly string[], env: Record<string, string>, quit = false): Promise<number> {
	const pty = await import('node-pty');
	return new Promise<number>((resolve, reject) => {
		const started = performance.now();
		const child = pty.spawn(process.execPath, args, {cols: 80, rows: 24, env});
		let output = '';
		let painted = 0;
		// A start that ends before painting is a failure to report, not a 0 ms frame.
		child.onExit(({exitCode}) =>
			painted
				? resolve(painted)
				: reject(new Error(`${args.join(' ')} exited (${exitCode}) before its first frame: ${output.slice(-300)}`)),
		);
		child.onData(data => {
			output += data;
			if (painted || !wanted.every(text => output.includes(text))) return;
			painted = performance.now() - started;
			if (quit) child.write('q');
			else child.kill();
		});
	});
}

type StartRounds = {first: number; app: number[]; bare: number[]; node: number[]};

/**
 * The TUI's first frame (the vendors table, in a home of its own) against its two
 * floors, `rounds` times in turn so that a busy moment falls on all three alike: a
 * bare bundled Ink app's first frame, and `node -e 0`. The very first start (which
 * compiles Ink and React and leaves their code cache) is reported apart.
 */
async function startRounds(cli: string, bareInk: string, rounds: number): Promise<StartRounds> {
	const home = mkdtempSync(join(tmpdir(), 'vendor-risk-bench-'));
	const env = childEnvironment(home);
	try {
		const first = await paintTime([cli], ['Kaspersky', 'shown'], env, true);
		const result: StartRounds = {first, app: [], bare: [], node: []};
		for (let round = 0; round < rounds; round++) {
			result.node.push(timeCommand(['-e', '0'], 1)[0]!);
			result.bare.push(await paintTime([bareInk], ['bare Ink app shown'], env));
			result.app.push(await paintTime([cli], ['Kaspersky', 'shown'], env));
		}
		return result;
	} finally {
		rmSync(home, {recursive: true, force: true});
	}
}

/** The median of the per-round ratios: each round's figures were taken together. */
const medianRatio = (values: readonly number[], floors: readonly number[]) => median(values.map((value, round) => value / floors[round]!));

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

export async function tuiBenchCases(cli: string, bareInk: string): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	const startLoad = loadMeter();
	const rounds = await startRounds(cli, bareInk, 11);
	const load = startLoad.reading();
	const nodeMedian = median(rounds.node);
	const versusNode = medianRatio(rounds.app, rounds.node);
	const versusBare = medianRatio(rounds.app, rounds.bare);
	const firstFrame = {
		case: 'first frame (embedded data, PTY 80x24)',
		size: '26 vendors',
		medianMs: median(rounds.app),
		p95Ms: percentile(rounds.app, 0.95),
	};
	rows.push(
		{
			...firstFrame,
			baseline: 'node -e 0',
			baselineMs: nodeMedian,
			ratio: versusNode,
			target: '<= 3x',
			met: versusNode <= 3,
			load,
			note: `median of ${rounds.app.length} interleaved rounds' ratios; the first start after installing (Ink and React compiled, no code cache yet) took ${rounds.first.toFixed(0)} ms`,
		},
		{
			...firstFrame,
			baseline: 'bare bundled Ink app',
			baselineMs: median(rounds.bare),
			ratio: versusBare,
			target: '<= 1.1x',
			met: versusBare <= 1.1,
			load,
		},
	);
	const flagLoad = loadMeter();
	for (const flag of ['--version', '--help']) {
		// Interleaved with its floor, round by round, like the first frame: a busy moment on the
		// machine then falls on both, and the ratio is the median of the rounds' ratios.
		const floor: number[] = [];
		const times: number[] = [];
		for (let round = 0; round < 11; round++) {
			floor.push(timeCommand(['-e', '0'], 1)[0]!);
			times.push(timeCommand([cli, flag], 1)[0]!);
		}
		const ratio = medianRatio(times, floor);
		rows.push({
			case: `vendor-risk ${flag}`,
			size: '-',
			medianMs: median(times),
			p95Ms: percentile(times, 0.95),
			baseline: 'node -e 0',
			baselineMs: median(floor),
			ratio,
			target: '<= 1.5x',
			met: ratio <= 1.5,
			load: flagLoad.reading(),
			note: "median of 11 interleaved rounds' ratios",
		});
	}

	const catalog = buildCatalog([{name: 'synthetic', document: syntheticRecords(100_000)}]);
	const data: AppData = {catalog, asOf: '2026-11-28', entries: [], sources: []};
	const queries = ['kasotek', 'novahua', 'hq:CN sys', 'ra !net'];
	const filterLoad = loadMeter();
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
		target: 'median <= 16 ms, p95 <= 33 ms',
		met: incrementalMedian <= 16 && percentile(incremental, 0.95) <= 33,
		load: filterLoad.reading(),
	});
	return rows;
}
