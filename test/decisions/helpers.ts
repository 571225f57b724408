// Shared test setup: temporary homes, entry drafts, in-memory chains, child writers.
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {sealEntry} from '../../source/decisions/chain.js';
import {useBundledScript} from '../helpers/bundle-script.js';
import {genesisHash, type DecisionDraft, type EntryDraft, type LogEntry} from '../../source/decisions/index.js';
import type {CommandIO} from '../../source/commands/io.js';

export type TempHome = {home: string; env: NodeJS.ProcessEnv; remove(): void};

export function tempHome(): TempHome {
	const home = mkdtempSync(join(tmpdir(), 'vendor-risk-decisions-'));
	return {home, env: {VENDOR_RISK_HOME: home}, remove: () => rmSync(home, {recursive: true, force: true})};
}

export const fingerprintA = 'a'.repeat(64);
export const fingerprintB = 'b'.repeat(64);

export function decisionDraft(overrides: Partial<DecisionDraft> = {}): DecisionDraft {
	return {
		kind: 'decision',
		reviewer: 'Ada Reviewer',
		vendorId: 'kaspersky',
		outcome: 'reject',
		reason: 'sanctioned-entity',
		rationale: 'Prohibited by the 2024 final determination.',
		reviewBy: null,
		basis: {
			vendorFingerprint: fingerprintA,
			sources: [{sourceId: 'ofac-sdn', fetchedAt: '2025-01-01T00:00:00.000Z', contentHash: 'c'.repeat(64)}],
		},
		...overrides,
	};
}

/** A valid chain built in memory, for tests that do not need the disk. */
export function chainOf(drafts: readonly EntryDraft[], start = Date.UTC(2025, 0, 1)): LogEntry[] {
	const entries: LogEntry[] = [];
	for (const [index, draft] of drafts.entries()) {
		entries.push(
			sealEntry(draft, {
				seq: index + 1,
				id: `entry-${index + 1}`,
				at: new Date(start + index * 60_000).toISOString(),
				prevHash: entries.at(-1)?.hash ?? genesisHash,
			}),
		);
	}
	return entries;
}

/** A mixed log: decisions, a revocation and a disposition. */
export function mixedDrafts(): EntryDraft[] {
	return [
		decisionDraft(),
		decisionDraft({
			vendorId: 'huawei',
			outcome: 'approve-with-conditions',
			reason: 'accepted-risk',
			rationale: 'Only the legacy routers, until 2026.',
		}),
		{
			kind: 'revocation',
			reviewer: 'Ada Reviewer',
			vendorId: 'kaspersky',
			revokes: 'entry-1',
			revokesSeq: 1,
			rationale: 'Decided on the wrong record.',
		},
		{
			kind: 'disposition',
			reviewer: 'Bo Analyst',
			vendorId: 'acme',
			disposition: 'false-positive',
			hit: {vendorFingerprint: fingerprintB, entryId: 'SDN-1234', entryContentHash: 'd'.repeat(64)},
			rationale: 'Different company, same name.',
		},
		decisionDraft({vendorId: 'acme', outcome: 'approve', reason: 'no-exposure', rationale: null, reviewBy: '2030-01-01'}),
	];
}

/** The writer fixture bundled into one .mjs that plain `node` can run, once per test file. */
export function useWriterScript(): () => string {
	return useBundledScript(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'writer.ts'), 'writer.mjs');
}

export type Writer = {
	child: ChildProcess;
	acks: string[];
	ready: boolean;
	done: boolean;
	stderr: string;
	exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
	/** Resolves once `predicate` holds, checked on every line the child prints. */
	until(predicate: (writer: Writer) => boolean): Promise<void>;
};

export function spawnWriter(script: string, home: string, count: number, label: string, staleMs = 10_000): Writer {
	const child = spawn(process.execPath, [script, home, String(count), label, String(staleMs)], {stdio: ['ignore', 'pipe', 'pipe']});
	const waiters: Array<() => void> = [];
	const writer: Writer = {
		child,
		acks: [],
		ready: false,
		done: false,
		stderr: '',
		exited: new Promise(resolve => child.on('exit', (code, signal) => resolve({code, signal}))),
		until(predicate) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (predicate(writer)) {
						resolve();
						return true;
					}
					return false;
				};
				if (check()) return;
				waiters.push(() => void check());
				void writer.exited.then(() => {
					if (!check()) reject(new Error(`writer ${label} exited first: ${writer.stderr}`));
				});
			});
		},
	};
	let buffered = '';
	child.stdout!.setEncoding('utf8');
	child.stdout!.on('data', (chunk: string) => {
		buffered += chunk;
		const lines = buffered.split('\n');
		buffered = lines.pop()!;
		for (const line of lines) {
			if (line === 'ready') writer.ready = true;
			else if (line === 'done') writer.done = true;
			else if (line.startsWith('ack ')) writer.acks.push(line.split(' ')[3]!);
			// Each line may satisfy a waiter; the kill must follow the line at once.
			for (const wake of [...waiters]) wake();
		}
	});
	child.stderr!.setEncoding('utf8');
	child.stderr!.on('data', (chunk: string) => (writer.stderr += chunk));
	return writer;
}

export type CapturedIO = {stdout: string; stderr: string};

/** A CommandIO whose streams are strings, with the app home in a temporary folder. */
export function captureIO(env: NodeJS.ProcessEnv, asOf = '2025-06-01'): {io: CommandIO; out: CapturedIO} {
	const out: CapturedIO = {stdout: '', stderr: ''};
	return {
		out,
		io: {
			stdout: {write: (text: string) => (out.stdout += text)},
			stderr: {write: (text: string) => (out.stderr += text)},
			env,
			asOf,
			debug: false,
		},
	};
}
