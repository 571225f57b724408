// `vendor-risk fetch`: downloads every configured source into the cache, one result line
// per source (stdout when it worked, stderr when it failed), exit 1 when any failed.
import {exitCodes} from '../errors/index.js';
import {openSettings} from '../settings/index.js';
import {loadRunJoin} from '../app-context/index.js';
import type {FetchOptions, FetchProgress} from '../sources/index.js';
import {formatBytes, sanitizeText} from '../text/index.js';
import {reporting, type CommandIO} from './io.js';

export type FetchCommandOptions = {acceptShrink?: boolean; allowHttp?: boolean};

/** Extra knobs for tests and callers that need short timeouts or fast retries. */
export type FetchCommandTuning = Pick<FetchOptions, 'timeouts' | 'retry' | 'now'>;

type ProgressView = {onProgress(progress: FetchProgress): void; clear(): void};

function rateText(rate: number): string {
	return `${formatBytes(Math.round(rate))}/s`;
}

/**
 * A redrawn bar when stderr is a terminal; otherwise occasional plain lines, and none at
 * all for a download that finishes within a second (logs stay one line per source).
 */
export function progressView(stderr: CommandIO['stderr'], now: () => number = Date.now): ProgressView {
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
				const name = sanitizeText(source).slice(0, 24);
				const amounts = total ? `${formatBytes(transferred)} of ${formatBytes(total)}` : formatBytes(transferred);
				let bar = '';
				if (total) {
					const slots = 20;
					const filled = Math.min(slots, Math.floor((transferred / total) * slots));
					bar = ` [${'#'.repeat(filled)}${'.'.repeat(slots - filled)}] ${Math.floor((transferred / total) * 100)}%`;
				}
				stderr.write(`\r\u001B[2K${`${name}${bar} ${amounts} ${rateText(rate)}`.slice(0, width)}`);
				drawn = true;
			},
			clear() {
				if (drawn) stderr.write('\r\u001B[2K');
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
			stderr.write(`${sanitizeText(source)}: downloading, ${amounts} (${rateText(rate)})\n`);
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
		const {refreshSource} = await loadRunJoin();
		const progress = progressView(io.stderr);
		let failed = 0;
		for (const setting of sources) {
			const outcome = await refreshSource(setting, {
				env: io.env,
				acceptShrink: options.acceptShrink,
				allowHttp: options.allowHttp,
				maxBytes: settings.get('maxDownloadBytes'),
				onProgress: progress.onProgress,
				...tuning,
			});
			progress.clear();
			if (outcome.status === 'failed') {
				failed++;
				io.stderr.write(`${outcome.line}\n`);
			} else {
				io.stdout.write(`${outcome.line}\n`);
			}
		}
		return failed > 0 ? exitCodes.finding : exitCodes.ok;
	});
}
