// What every bench case measures with: the load average beside each figure (the
// machine is shared, so a figure means little without it), a child process's
// peak memory, and an environment for children that run the CLI in a home of their own.
import {spawnSync, type SpawnSyncOptions} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {loadavg} from 'node:os';
import {join} from 'node:path';

/** The one-minute load average now, and over a measurement: "2.4" or "2.4-3.1" (lowest and highest seen at its start and end). */
export function loadMeter(): {reading(): string} {
	const first = loadavg()[0]!;
	return {
		reading() {
			const last = loadavg()[0]!;
			const [low, high] = [Math.min(first, last), Math.max(first, last)];
			return high - low < 0.05 ? low.toFixed(1) : `${low.toFixed(1)}-${high.toFixed(1)}`;
		},
	};
}

/** The environment a CLI child gets: its own home, a fixed day, and no CI (which would make Ink render only its last frame). */
export function childEnvironment(home: string): Record<string, string> {
	const kept = Object.entries(process.env).filter(
		(entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'CI' && !entry[0].startsWith('CI_'),
	);
	return {...Object.fromEntries(kept), VENDOR_RISK_HOME: home, VENDOR_RISK_TODAY: '2026-12-06'};
}

/** A module run before the CLI that writes the process's peak RSS (kB, worker threads included) to fd 3 as it exits. */
export function peakRssHook(directory: string): string {
	const path = join(directory, 'peak-rss-hook.mjs');
	writeFileSync(
		path,
		"import {writeSync} from 'node:fs';\nprocess.on('exit', () => { try { writeSync(3, String(process.resourceUsage().maxRSS)); } catch {} });\n",
	);
	return path;
}

export type ChildRun = {ms: number; peakMb: number; status: number | null; stderr: string};

/** Runs `node script ...args` with the peak-RSS hook, its stdout discarded (as a script piping it on would read it). */
export function runMeasured(hook: string, script: string, args: readonly string[], options: SpawnSyncOptions = {}): ChildRun {
	const started = performance.now();
	const child = spawnSync(process.execPath, ['--import', hook, script, ...args], {
		...options,
		stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
		maxBuffer: 64 << 20,
	});
	const ms = performance.now() - started;
	const peakKb = Number(child.output?.[3] ?? 0);
	return {ms, peakMb: Math.round(peakKb / 1024), status: child.status, stderr: String(child.stderr ?? '')};
}

export const megabytes = (bytes: number): number => Math.round(bytes / 1_048_576);
