// Downloads one URL to a file with got: streamed to disk (never held whole in memory),
// hashed while streaming, with timeouts, retries, a size cap, conditional requests and
// a redirect policy of its own (got's redirect handling would carry the auth header anywhere).
import {createHash} from 'node:crypto';
import {createWriteStream} from 'node:fs';
import {Transform, type TransformCallback} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {setTimeout as delay} from 'node:timers/promises';
import type {Agents, Response} from 'got';
import {formatBytes} from '../../text/index.js';
import {ProxyConfigError, proxyFor, tunnelAgents} from './proxy.js';
import {oneLine} from './redact.js';
import {redirectRefusal, urlRefusal} from './url-policy.js';

export type Timeouts = {
	/** TCP (and TLS) connection set-up. */
	connectMs: number;
	/** From the request sent to the first response byte. */
	responseMs: number;
	/** Longest silence on the socket while the body streams in. */
	idleMs: number;
	/** Cap on one whole attempt, headers and body. */
	totalMs: number;
	/**
	 * A body that arrives slower than this many bytes a second, over every stretch of
	 * `minRateWindowMs`, is given up on: a trickle never trips the idle timeout, and the total
	 * limit alone would let it hold the fetch for half an hour. Defaults: 1 KiB/s over 30 s.
	 */
	minBytesPerSecond?: number;
	minRateWindowMs?: number;
};

export type RetryPolicy = {
	/** Retries after the first try: 2 means at most 3 tries. */
	limit: number;
	/** First backoff; it doubles with each retry. */
	baseDelayMs: number;
	maxDelayMs: number;
	/** Retry-After is honoured up to this long; a server asking for longer fails the fetch at once (try again later). */
	maxRetryAfterMs: number;
};

export const defaultTimeouts: Timeouts = {
	connectMs: 10_000,
	responseMs: 30_000,
	idleMs: 30_000,
	totalMs: 30 * 60_000,
	minBytesPerSecond: 1024,
	minRateWindowMs: 30_000,
};
export const defaultRetry: RetryPolicy = {limit: 2, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 30_000};

export type DownloadProgress = {transferred: number; total: number | null; rate: number};

/** A pause before the next try, announced so nobody watches a silent terminal. */
export type DownloadWait = {ms: number; tryNumber: number; tries: number; why: string};

export type DownloadOptions = {
	env: NodeJS.ProcessEnv;
	allowHttp: boolean;
	maxBytes: number;
	timeouts: Timeouts;
	retry: RetryPolicy;
	/** Sent on every hop; redirects never leave the host, so neither does this. */
	headers?: Record<string, string>;
	conditional?: {etag?: string | null; lastModified?: string | null};
	/** Values that must never appear in a message (the auth token). */
	secrets?: readonly string[];
	onProgress?: (progress: DownloadProgress) => void;
	onWait?: (wait: DownloadWait) => void;
	signal?: AbortSignal;
};

export type DownloadResult =
	| {
			status: 'downloaded';
			url: string;
			etag: string | null;
			lastModified: string | null;
			contentType: string | null;
			bytes: number;
			contentHash: string;
			tries: number;
	  }
	| {status: 'not-modified'; tries: number};

export type DownloadFailure = 'http' | 'network' | 'timeout' | 'too-large' | 'redirect' | 'refused' | 'truncated' | 'proxy' | 'aborted';

/** A failed download; the message is one redacted line without the source's name. */
export class DownloadError extends Error {
	constructor(
		message: string,
		readonly reason: DownloadFailure,
		readonly tries: number,
		readonly statusCode?: number,
	) {
		super(message);
	}
}

/** Raised inside one attempt; the retry loop decides whether to try again. */
class AttemptError extends Error {
	constructor(
		message: string,
		readonly reason: DownloadFailure,
		readonly retryable: boolean,
		readonly statusCode?: number,
		readonly retryAfterMs?: number,
	) {
		super(message);
	}
}

const retryableStatus = new Set([408, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524]);
const retryableCodes = new Set([
	'ETIMEDOUT',
	'ECONNRESET',
	'ECONNREFUSED',
	'EPIPE',
	'EADDRINUSE',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ERR_STREAM_PREMATURE_CLOSE',
	'EPROTO',
]);
const redirectStatus = new Set([301, 302, 303, 307, 308]);
const maxRedirects = 10;

function formatSeconds(ms: number): string {
	return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/** Retry-After as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (!value) return undefined;
	if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Hours, minutes or seconds, whichever reads best: "2 h", "15 min", "30 s". */
function formatWait(ms: number): string {
	if (ms >= 2 * 3_600_000) return `${Math.round(ms / 3_600_000)} h`;
	if (ms >= 2 * 60_000) return `${Math.round(ms / 60_000)} min`;
	return formatSeconds(ms);
}

export function backoffDelay(retryNumber: number, policy: RetryPolicy, retryAfterMs?: number): number {
	if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
	return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
}

/** Counts, hashes and caps the bytes on their way to disk (after gzip is undone). */
class Meter extends Transform {
	readonly hash = createHash('sha256');
	bytes = 0;
	constructor(private readonly maxBytes: number) {
		super();
	}

	override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
		this.bytes += chunk.length;
		if (this.bytes > this.maxBytes) {
			callback(
				new AttemptError(
					`the download passed the ${formatBytes(this.maxBytes)} limit and was stopped; raise maxDownloadBytes in the settings if the list really is that large`,
					'too-large',
					false,
				),
			);
			return;
		}
		this.hash.update(chunk);
		callback(null, chunk);
	}
}

/**
 * Gives up on a body arriving slower than timeouts.minBytesPerSecond over the last
 * minRateWindowMs (sampled ten times a window), by failing the meter the body flows through.
 * Returns the function that stops watching.
 */
function watchRate(meter: Meter, timeouts: Timeouts): () => void {
	const {minBytesPerSecond = defaultTimeouts.minBytesPerSecond!, minRateWindowMs = defaultTimeouts.minRateWindowMs!} = timeouts;
	if (!(minBytesPerSecond > 0) || !(minRateWindowMs > 0)) return () => undefined;
	const samples = [{at: performance.now(), bytes: 0}];
	const timer = setInterval(
		() => {
			const now = performance.now();
			samples.push({at: now, bytes: meter.bytes});
			// Keep one sample at least a window old: the rate is measured over the last whole window.
			while (samples.length > 1 && now - samples[1]!.at >= minRateWindowMs) samples.shift();
			const oldest = samples[0]!;
			if (now - oldest.at < minRateWindowMs) return;
			const rate = ((meter.bytes - oldest.bytes) * 1000) / (now - oldest.at);
			if (rate >= minBytesPerSecond) return;
			clearInterval(timer);
			meter.destroy(
				new AttemptError(
					`the download ran under ${formatBytes(minBytesPerSecond)}/s for ${formatSeconds(minRateWindowMs)} (${formatBytes(meter.bytes)} so far), so it was given up; the server is too slow or stalled, try again later`,
					'timeout',
					false,
				),
			);
		},
		Math.max(10, Math.min(1000, minRateWindowMs / 10)),
	);
	timer.unref();
	return () => clearInterval(timer);
}

function declaredLength(rawHeaders: string[]): number | null {
	// got drops content-length when it decompresses, so read the header as sent.
	for (let index = 0; index < rawHeaders.length; index += 2) {
		if (rawHeaders[index]!.toLowerCase() === 'content-length') {
			const length = Number(rawHeaders[index + 1]);
			return Number.isFinite(length) ? length : null;
		}
	}
	return null;
}

function headerValue(value: string | string[] | undefined): string | null {
	if (Array.isArray(value)) return value[0] ?? null;
	return value ?? null;
}

function describeNetworkError(error: NodeJS.ErrnoException & {event?: string; timings?: unknown}, timeouts: Timeouts): AttemptError {
	const code = error.code ?? '';
	if (error.name === 'TimeoutError' || code === 'ETIMEDOUT') {
		const phase = error.event ?? '';
		const what =
			phase === 'connect' || phase === 'secureConnect' || phase === 'lookup'
				? `could not connect within ${formatSeconds(timeouts.connectMs)}`
				: phase === 'response'
					? `no response within ${formatSeconds(timeouts.responseMs)}`
					: phase === 'socket'
						? `the server went silent for ${formatSeconds(timeouts.idleMs)}`
						: phase === 'request'
							? `the download took longer than ${formatSeconds(timeouts.totalMs)}`
							: 'timed out';
		// A download that used its whole time budget (a slow drip) would only use it again: not retried.
		return new AttemptError(what, 'timeout', phase !== 'request');
	}
	if (code === 'ECONNRESET' && /aborted pending request/i.test(error.message))
		return new AttemptError('the download ended early (connection closed before the whole body arrived)', 'truncated', true);
	if (code === 'ERR_STREAM_PREMATURE_CLOSE')
		return new AttemptError('the download ended early (connection closed before the whole body arrived)', 'truncated', true);
	// hpagent reports a proxy that refuses the tunnel as "Bad response: <status>".
	const refused = /^Bad response: (\d+)/.exec(error.message);
	if (refused)
		return new AttemptError(
			`the proxy refused the connection (HTTP ${refused[1]}); check the proxy settings, its credentials, or NO_PROXY`,
			'proxy',
			false,
		);
	if (code === 'ECONNREFUSED') return new AttemptError('connection refused', 'network', true);
	// A plain-http server (or a proxy's error page) on an https port: retrying cannot help.
	if (
		code === 'EPROTO' ||
		code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
		/wrong version number|packet length too long|unknown protocol/i.test(error.message)
	) {
		return new AttemptError(
			"TLS handshake failed: the server did not answer in TLS (is it plain http on an https URL, or a proxy in the way?); check the URL's scheme and port",
			'network',
			false,
		);
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new AttemptError('host name not found (DNS)', 'network', true);
	if (
		code.startsWith('ERR_TLS') ||
		code.startsWith('CERT_') ||
		code.includes('SELF_SIGNED') ||
		code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
		code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
	) {
		return new AttemptError(
			`TLS certificate not trusted (${code}); if a proxy or private CA is in the way, point NODE_EXTRA_CA_CERTS at its certificate`,
			'network',
			false,
		);
	}
	return new AttemptError(`network error (${code || error.message})`, 'network', retryableCodes.has(code));
}

type AttemptContext = DownloadOptions & {destination: string; agents: Agents | undefined};

/**
 * got, loaded when a download starts: with http2-wrapper (and node:http2) it is a fifth of a second to load and
 * compile, and the commands that only read the cached lists (list, screen, the TUI) share this module's chunk.
 */
const loadGot = async () => (await import('got')).default;

/** One try: follows same-host redirects, then streams a 200 body to the destination. */
async function attempt(start: URL, context: AttemptContext): Promise<DownloadResult> {
	let url = start;
	const got = await loadGot();
	for (let hop = 0; hop <= maxRedirects; hop++) {
		const headers: Record<string, string> = {...context.headers};
		if (context.conditional?.etag) headers['if-none-match'] = context.conditional.etag;
		if (context.conditional?.lastModified) headers['if-modified-since'] = context.conditional.lastModified;
		const stream = got.stream(url, {
			headers,
			followRedirect: false,
			throwHttpErrors: false,
			retry: {limit: 0},
			decompress: true,
			agent: context.agents,
			timeout: {
				connect: context.timeouts.connectMs,
				secureConnect: context.timeouts.connectMs,
				response: context.timeouts.responseMs,
				socket: context.timeouts.idleMs,
				request: context.timeouts.totalMs,
			},
			signal: context.signal,
		});
		let response;
		try {
			response = await new Promise<Response>((resolve, reject) => {
				stream.once('response', resolve);
				stream.once('error', reject);
			});
		} catch (error) {
			stream.destroy();
			throw error;
		}
		const status = response.statusCode;
		if (redirectStatus.has(status) && response.headers.location) {
			stream.destroy();
			let next: URL;
			try {
				next = new URL(response.headers.location, url);
			} catch {
				throw new AttemptError(`HTTP ${status} redirect to an unreadable location`, 'redirect', false, status);
			}
			// Credentials travel as the Authorization header (--auth-env) or in the URL (got sends them as Basic).
			const credentialed = Boolean(context.headers?.authorization) || url.username !== '' || url.password !== '';
			const refusal = redirectRefusal(url, next, context.allowHttp, credentialed);
			if (refusal) throw new AttemptError(refusal, 'redirect', false, status);
			url = next;
			continue;
		}
		if (status === 304 && context.conditional && (context.conditional.etag || context.conditional.lastModified)) {
			stream.destroy();
			return {status: 'not-modified', tries: 1};
		}
		if (status < 200 || status > 299 || status === 204 || status === 206) {
			stream.destroy();
			const retryAfterMs = parseRetryAfter(headerValue(response.headers['retry-after']) ?? undefined);
			const hint =
				status === 401 || status === 403
					? " (check the token in the source's auth variable)"
					: status === 404 || status === 410
						? ' (check the URL)'
						: '';
			throw new AttemptError(`HTTP ${status}${hint}`, 'http', retryableStatus.has(status), status, retryAfterMs);
		}
		const declared = declaredLength(response.rawHeaders);
		if (declared !== null && declared > context.maxBytes) {
			stream.destroy();
			throw new AttemptError(
				`the server announced ${formatBytes(declared)}, over the ${formatBytes(context.maxBytes)} limit; raise maxDownloadBytes in the settings if the list really is that large`,
				'too-large',
				false,
			);
		}
		const started = Date.now();
		if (context.onProgress) {
			const report = context.onProgress;
			stream.on('downloadProgress', ({transferred, total}: {transferred: number; total?: number}) => {
				const seconds = (Date.now() - started) / 1000;
				report({transferred, total: total ?? declared ?? null, rate: seconds > 0 ? transferred / seconds : 0});
			});
		}
		const meter = new Meter(context.maxBytes);
		const stopWatching = watchRate(meter, context.timeouts);
		const file = createWriteStream(context.destination, {mode: 0o600});
		// The file opens and closes asynchronously: wait for the close, so a failed try leaves no
		// stream that opens (or writes) the file after the caller has moved on or removed its folder.
		const closed = new Promise<void>(resolve => file.once('close', () => resolve()));
		try {
			await pipeline(stream, meter, file);
		} finally {
			stopWatching();
			file.destroy();
			await closed;
		}
		return {
			status: 'downloaded',
			url: url.href,
			etag: headerValue(response.headers.etag),
			lastModified: headerValue(response.headers['last-modified']),
			contentType: headerValue(response.headers['content-type']),
			bytes: meter.bytes,
			contentHash: meter.hash.digest('hex'),
			tries: 1,
		};
	}
	throw new AttemptError(`more than ${maxRedirects} redirects`, 'redirect', false);
}

function asAttemptError(error: unknown, timeouts: Timeouts): AttemptError {
	if (error instanceof AttemptError) return error;
	if (error instanceof ProxyConfigError) return new AttemptError(error.message, 'proxy', false);
	const candidate = error as NodeJS.ErrnoException & {event?: string};
	if (candidate?.name === 'AbortError' || candidate?.code === 'ABORT_ERR' || candidate?.code === 'ERR_ABORTED')
		return new AttemptError('cancelled', 'aborted', false);
	// got wraps what a stream pipeline raised (the size cap) in a RequestError; unwrap it.
	const cause = (candidate as {cause?: unknown})?.cause;
	if (cause instanceof AttemptError) return cause;
	return describeNetworkError(candidate ?? new Error(String(error)), timeouts);
}

/**
 * Downloads `url` into `destination` (overwritten on each try). Redirects are followed only
 * within the same host; 408, 429, 5xx and network errors are retried with backoff.
 */
export async function downloadToFile(url: URL, destination: string, options: DownloadOptions): Promise<DownloadResult> {
	const secrets = options.secrets ?? [];
	// A size cap that is not a positive number (a hand-edited settings file) would disable the cap.
	if (typeof options.maxBytes !== 'number' || !Number.isFinite(options.maxBytes) || options.maxBytes <= 0) {
		throw new DownloadError(
			oneLine(
				`the download size limit maxDownloadBytes is ${JSON.stringify(options.maxBytes) ?? String(options.maxBytes)}, not a positive number of bytes; fix it in the settings file (the default is 536870912)`,
				secrets,
			),
			'refused',
			0,
		);
	}
	const refusal = urlRefusal(url, options.allowHttp);
	if (refusal) throw new DownloadError(oneLine(refusal, secrets), 'refused', 0);
	let agents: Awaited<ReturnType<typeof tunnelAgents>> | undefined;
	try {
		const proxy = proxyFor(url, options.env);
		if (proxy) agents = await tunnelAgents(proxy, options.timeouts.connectMs);
	} catch (error) {
		throw new DownloadError(oneLine((error as Error).message, secrets), 'proxy', 0);
	}
	const tries = options.retry.limit + 1;
	try {
		for (let tryNumber = 1; ; tryNumber++) {
			try {
				const result = await attempt(url, {...options, destination, agents});
				return {...result, tries: tryNumber};
			} catch (error) {
				const failure = asAttemptError(error, options.timeouts);
				if (!failure.retryable || tryNumber >= tries || options.signal?.aborted) {
					const after = tryNumber > 1 ? ` after ${tryNumber} tries` : '';
					throw new DownloadError(oneLine(`${failure.message}${after}`, secrets), failure.reason, tryNumber, failure.statusCode);
				}
				// A server that asks for a long pause gets an answer now, not minutes of silence.
				if (failure.retryAfterMs !== undefined && failure.retryAfterMs > options.retry.maxRetryAfterMs) {
					throw new DownloadError(
						oneLine(
							`${failure.message}; the server asks to retry after ${formatWait(failure.retryAfterMs)} (Retry-After), longer than vendor-risk waits (${formatWait(options.retry.maxRetryAfterMs)}); try again later`,
							secrets,
						),
						failure.reason,
						tryNumber,
						failure.statusCode,
					);
				}
				const waitMs = backoffDelay(tryNumber, options.retry, failure.retryAfterMs);
				const why = failure.retryAfterMs === undefined ? failure.message : `${failure.message}, Retry-After`;
				options.onWait?.({ms: waitMs, tryNumber: tryNumber + 1, tries, why: oneLine(why, secrets)});
				await delay(waitMs, undefined, {signal: options.signal}).catch(() => undefined);
			}
		}
	} finally {
		agents?.http.destroy();
		agents?.https.destroy();
	}
}
