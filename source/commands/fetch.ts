// `vendor-risk fetch`: downloads every configured source into the cache, a few at a time,
// one result line per source in the configured order (stdout when it worked, stderr when it
// failed), exit 1 when any failed. Every pause before a retry is announced on stderr.
import {exitCodes} from '../errors/index.js';
import {appPaths, assertWritable} from '../app-home/index.js';
import {openSettings} from '../settings/index.js';
import {loadRunJoin} from '../app-context/index.js';
import type {FetchOptions, FetchOutcome, FetchProgress, FetchWait} from '../sources/index.js';
import {formatBytes, displayText} from '../text/index.js';
import {reporting, type CommandIO} from './io.js';

export type FetchCommandOptions = {acceptShrink?: boolean; allowHttp?: boolean};

/** Extra knobs for tests and callers that need short timeouts or fast retries. */
export type FetchCommandTuning = Pick<FetchOptions, 'timeouts' | 'retry' | 'now'>;

type ProgressView = {onProgress(progress: FetchProgress): void; clear(): void};

function waitText(ms: number): string {
	return `${Math.round(ms / 100) / 10} s`;
}

function rateText(rate: number): string {
	return `${formatBytes(Math.round(rate))}/s`;
}

/**
 * A redrawn bar when stderr is a terminal; otherwise occasional plain lines, and none at
 * all for a download that finishes within a second (logs stay one line per source).
 */
export function progressView(stderr: CommandIO['stderr'], now: () => number = Date.now): ProgressView {
	// The app's own line clearing goes out as terminal control; everything else is text.
	const control = (sequence: string) => (stderr.control ? stderr.control(sequence) : stderr.write(sequence));
	let drawn = false;
	let lastDraw = 0;
	const firstSeen = new Map<string, number>();
	const lastLine = new Map<string, number>();
	if (stderr.isTTY) {
		return {
			onProgress({source, transferred, total, rate}) {
				const time = now();
				const done = total !== null && transferred >= total;
				if (time - lastDraw < 100 && !done) return; // ~10 redraws a second is plenty
				lastDraw = time;
				const width = Math.max(20, (stderr.columns ?? 80) - 1);
				const name = displayText(source).slice(0, 24);
				const amounts = total ? `${formatBytes(transferred)} of ${formatBytes(total)}` : formatBytes(transferred);
				let bar = '';
				if (total) {
					const slots = 20;
					const filled = Math.min(slots, Math.floor((transferred / total) * slots));
					bar = ` [${'#'.repeat(filled)}${'.'.repeat(slots - filled)}] ${Math.floor((transferred / total) * 100)}%`;
				}
				control('\r\u001B[2K');
				stderr.write(`${name}${bar} ${amounts} ${rateText(rate)}`.slice(0, width));
				drawn = true;
			},
			clear() {
				if (drawn) control('\r\u001B[2K');
				drawn = false;
			},
		};
	}
	return {
		onProgress({source, transferred, total, rate}) {
			const time = now();
			const first = firstSeen.get(source) ?? time;
			firstSeen.set(source, first);
			const last = lastLine.get(source);
			if (time - first < 1000 || (last !== undefined && time - last < 5000)) return;
			lastLine.set(source, time);
			const amounts = total ? `${formatBytes(transferred)} of ${formatBytes(total)}` : formatBytes(transferred);
			stderr.write(`${displayText(source)}: downloading, ${amounts} (${rateText(rate)})\n`);
		},
		clear() {},
	};
}

/** `vendor-risk fetch [--accept-shrink] [--allow-http]`. */
export async function runFetch(options: FetchCommandOptions, io: CommandIO, tuning: FetchCommandTuning = {}): Promise<number> {
	return reporting(io, async () => {
		const settings = openSettings(io.env);
		const sources = settings.get('sources') ?? [];
		if (sources.length === 0) {
			io.stderr.write('No sources configured. Add one with: vendor-risk sources add <url-or-path>\n');
			return exitCodes.ok;
		}
		// A home that cannot be written fails here, in one line, before any download.
		for (const folder of [appPaths(io.env).cache, appPaths(io.env).data]) assertWritable(folder);
		const {refreshSources, prepareListIndex} = await loadRunJoin();
		const progress = progressView(io.stderr);
		// A pause a person would notice is announced; a few milliseconds of backoff is not.
		const onWait = (wait: FetchWait) => {
			if (wait.ms < 1000) return;
			progress.clear();
			io.stderr.write(
				`${displayText(wait.source)}: ${wait.why}; waiting ${waitText(wait.ms)} before try ${wait.tryNumber} of ${wait.tries}\n`,
			);
		};
		// Lines in the configured order, each as soon as it and every one before it are done.
		const done: Array<FetchOutcome | undefined> = [];
		let printed = 0;
		const print = (outcome: FetchOutcome, index: number) => {
			done[index] = outcome;
			for (let next = done[printed]; next !== undefined; next = done[printed]) {
				progress.clear();
				if (next.status === 'failed') io.stderr.write(`${next.line}\n`);
				else io.stdout.write(`${next.line}\n`);
				printed++;
			}
		};
		const outcomes = await refreshSources(
			sources,
			{
				env: io.env,
				acceptShrink: options.acceptShrink,
				allowHttp: options.allowHttp,
				maxBytes: settings.get('maxDownloadBytes'),
				onProgress: progress.onProgress,
				onWait,
				...tuning,
			},
			print,
		);
		progress.clear();
		const failed = outcomes.some(outcome => outcome.status === 'failed');
		if (!failed) {
			try {
				await prepareListIndex(
					io.env,
					outcomes.reduce((sum, outcome) => sum + (outcome.meta?.entryCount ?? Number.POSITIVE_INFINITY), 0),
				);
			} catch (error) {
				// Only time is lost: the next screening builds the index, and reports whatever stopped it here.
				if (io.debug) io.stderr.write(`vendor-risk: the lists' index was not prepared: ${displayText(String(error))}\n`);
			}
		}
		return failed ? exitCodes.finding : exitCodes.ok;
	});
}
