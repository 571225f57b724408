// Shared parts of the hardening tests (issue 21): the built CLI as a child process with
// the knobs those tests need (a working folder, another user, a umask, signals), list
// bodies of any size from the repository's fixtures, and what "inert" means for output.
import {spawn, type ChildProcess} from 'node:child_process';
import {lstatSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, expect} from 'vitest';
import {builtCli, childEnvironment, repositoryRoot} from '../helpers.js';

export const fixtureFile = (...parts: string[]) => join(repositoryRoot, 'test', 'fixtures', ...parts);

/** The header of the real 2025 CSL CSV. */
export const cslHeader = readFileSync(fixtureFile('csl-csv', 'consolidated_2025_small.csv'), 'utf8').split('\n')[0]!.trim();
const cslColumns = cslHeader.split(',').length;

/** One CSL CSV row with the given id and name (Entity List), every other field empty. */
export function cslRow(id: string, name: string): string {
	const cells = new Array<string>(cslColumns).fill('');
	cells[0] = id;
	cells[1] = 'Entity List (EL) - Bureau of Industry and Security';
	cells[5] = name;
	return cells.map(cell => `"${cell.replace(/"/g, '""')}"`).join(',');
}

/** A CSL CSV of `count` entries named "Listed Entity <n>". */
export function cslWithEntries(count: number, lineEnd = '\n'): string {
	const rows = Array.from({length: count}, (_, index) => cslRow(`entry-${index}`, `Listed Entity ${index}`));
	return `${[cslHeader, ...rows].join(lineEnd)}${lineEnd}`;
}

export type ChildRun = {
	status: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
	/** Peak resident memory seen (VmHWM), in MiB. */
	peakRssMiB: number;
	/** Killed for passing killAboveMiB. */
	overMemory: boolean;
};

export type ChildOptions = {
	env?: Record<string, string>;
	cwd?: string;
	/** Run as this user and group (tests running as root use nobody for a read-only home). */
	uid?: number;
	gid?: number;
	/** Start under this umask (octal string, e.g. "000"). */
	umask?: string;
	timeoutMs?: number;
	/** The bundle to run, when not the one under test (a copy another user can reach). */
	cli?: string;
	/** Killed (SIGKILL) once its resident memory passes this, so a regression cannot take the machine down; default 1 GiB. */
	killAboveMiB?: number;
};

// Children still running when a test file ends (a test that timed out) are killed, not left to run on.
const running = new Set<ChildProcess>();
afterAll(() => {
	for (const child of running) child.kill('SIGKILL');
});

/** Starts the built CLI; `done` settles when it exits (killed with SIGKILL after timeoutMs). */
export function startCli(args: string[], home: string, options: ChildOptions = {}): {child: ChildProcess; done: Promise<ChildRun>} {
	const command = options.umask === undefined ? process.execPath : '/bin/sh';
	const cli = options.cli ?? builtCli;
	const commandArgs =
		options.umask === undefined ? [cli, ...args] : ['-c', `umask ${options.umask} && exec "$0" "$@"`, process.execPath, cli, ...args];
	const child = spawn(command, commandArgs, {
		env: childEnvironment(home, options.env),
		cwd: options.cwd,
		uid: options.uid,
		gid: options.gid,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	let stdout = '';
	let stderr = '';
	let timedOut = false;
	let peakKiB = 0;
	let overMemory = false;
	const limitKiB = (options.killAboveMiB ?? 1024) * 1024;
	// The child itself (sh execs node), so a kill reaches it and its memory is what is read.
	const poll = setInterval(() => {
		try {
			const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
			if (match) peakKiB = Math.max(peakKiB, Number(match[1]));
			if (peakKiB > limitKiB && !overMemory) {
				overMemory = true;
				child.kill('SIGKILL');
			}
		} catch {
			// Gone already: the last reading stands.
		}
	}, 10);
	child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const killer = setTimeout(() => {
		timedOut = true;
		child.kill('SIGKILL');
	}, options.timeoutMs ?? 60_000);
	const done = new Promise<ChildRun>(resolve =>
		child.on('close', (status, signal) => {
			running.delete(child);
			clearTimeout(killer);
			clearInterval(poll);
			resolve({status, signal, stdout, stderr, timedOut, peakRssMiB: peakKiB / 1024, overMemory});
		}),
	);
	return {child, done};
}

export const runChild = (args: string[], home: string, options: ChildOptions = {}): Promise<ChildRun> => startCli(args, home, options).done;

/**
 * Characters that must never reach a terminal from data: C0 controls but tab and line
 * ends (a CR only before a LF), DEL, C1, and every invisible or format character
 * (zero-width, soft hyphen, bidi controls, BOM, tag characters, line separators).
 */
export const unsafeCharacter =
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)|[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/u;

export function expectInert(text: string, label: string): void {
	const found = unsafeCharacter.exec(text);
	expect(
		found,
		`${label}: ${found ? `U+${found[0].codePointAt(0)!.toString(16)} at ${found.index} in …${text.slice(Math.max(0, found.index - 40), found.index + 20)}…` : ''}`,
	).toBeNull();
}

/** One line on stderr, the app's own voice, no stack. */
export function expectOneLine(stderr: string, label = 'stderr'): string {
	const lines = stderr.split('\n').filter(line => line.trim() !== '');
	expect(lines, `${label}: ${stderr}`).toHaveLength(1);
	expect(lines[0]).toMatch(/^vendor-risk: /);
	expect(stderr).not.toMatch(/^\s+at /m);
	return lines[0]!;
}

/** Every file and folder under `root` (symbolic links not followed), with its mode bits. */
export function walk(root: string): {files: Array<{path: string; mode: number}>; folders: Array<{path: string; mode: number}>} {
	const files: Array<{path: string; mode: number}> = [];
	const folders: Array<{path: string; mode: number}> = [];
	const visit = (folder: string) => {
		for (const name of readdirSync(folder)) {
			const path = join(folder, name);
			const stats = lstatSync(path);
			if (stats.isDirectory()) {
				folders.push({path, mode: stats.mode & 0o777});
				visit(path);
			} else files.push({path, mode: stats.mode & 0o777});
		}
	};
	visit(root);
	return {files, folders};
}

/**
 * Runs `run` on every item, at most `limit` at a time: for commands that neither write nor
 * depend on each other (refusals, reads of the same home), whose child processes spend much
 * of their start waiting on the disk and the other core rather than in a test's own CPU.
 */
export async function eachAtOnce<T>(items: readonly T[], run: (item: T) => Promise<unknown>, limit = 3): Promise<void> {
	let next = 0;
	const lane = async () => {
		while (next < items.length) await run(items[next++]!);
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, lane));
}
