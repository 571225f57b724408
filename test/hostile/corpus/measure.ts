// Runs the built CLI as a child process and measures its peak resident memory, so the
// corpus can assert that hostile input never makes it balloon. GNU time reports the peak
// (%M, in KiB); without it, /proc/<pid>/status VmHWM is polled while the child runs.
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {builtCli, childEnvironment} from '../../helpers.js';

export type MeasuredRun = {status: number; stdout: string; stderr: string; peakRssMiB: number; timedOut: boolean; ms: number};

const gnuTime = '/usr/bin/time';
const hasGnuTime = existsSync(gnuTime);

/** Every wait is bounded: a child still running after `timeoutMs` is killed and reported as timedOut. */
export function runMeasured(args: string[], home: string, options: {env?: Record<string, string>; timeoutMs?: number} = {}): Promise<MeasuredRun> {
	const scratch = mkdtempSync(join(tmpdir(), 'vendor-risk-rss-'));
	const rssFile = join(scratch, 'rss');
	const command = hasGnuTime ? gnuTime : process.execPath;
	const commandArgs = hasGnuTime ? ['-f', '%M', '-o', rssFile, process.execPath, builtCli, ...args] : [builtCli, ...args];
	const started = Date.now();
	return new Promise(resolve => {
		const child = spawn(command, commandArgs, {env: childEnvironment(home, options.env), stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		let polledKiB = 0;
		let timedOut = false;
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const poll = hasGnuTime
			? undefined
			: setInterval(() => {
					try {
						const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
						if (match) polledKiB = Math.max(polledKiB, Number(match[1]));
					} catch {
						// Gone already: the last reading stands.
					}
				}, 10);
		const killer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, options.timeoutMs ?? 45_000);
		child.on('close', code => {
			clearTimeout(killer);
			if (poll) clearInterval(poll);
			let peakKiB = polledKiB;
			if (hasGnuTime && existsSync(rssFile)) {
				const numbers = readFileSync(rssFile, 'utf8').match(/^\d+$/m);
				peakKiB = numbers ? Number(numbers[0]) : 0;
			}
			rmSync(scratch, {recursive: true, force: true});
			resolve({status: code ?? -1, stdout, stderr, peakRssMiB: peakKiB / 1024, timedOut, ms: Date.now() - started});
		});
	});
}

/** The promises of the brief for every failure: one line, no stack, no "at " frame. */
export function errorLines(stderr: string): string[] {
	return stderr.split('\n').filter(line => line.trim() !== '');
}
