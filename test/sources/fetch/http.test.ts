// The download layer against a real local server: retries, timeouts, limits, redirects, proxies.
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {describe, expect, test} from 'vitest';
import {DownloadError, defaultRetry, downloadToFile, parseRetryAfter, type DownloadOptions} from '../../../source/sources/fetch/http.js';
import {bypassesProxy, proxyFor} from '../../../source/sources/fetch/proxy.js';
import {isLoopbackHost, urlRefusal} from '../../../source/sources/fetch/url-policy.js';
import {fixture, startServer, useTempHome, type TestServer} from './helpers.js';

const cslCsv = readFileSync(fixture('csl-csv/consolidated_2022-05-16_sample.csv'));

const home = useTempHome();
let server: TestServer | undefined;
const destination = () => join(home.home, 'download.bin');

function options(overrides: Partial<DownloadOptions> = {}): DownloadOptions {
	return {
		env: home.env,
		allowHttp: false,
		maxBytes: 10 * 1024 * 1024,
		timeouts: {connectMs: 2000, responseMs: 2000, idleMs: 2000, totalMs: 10_000},
		// Fast backoff so retry tests take milliseconds.
		retry: {...defaultRetry, baseDelayMs: 1, maxDelayMs: 5},
		...overrides,
	};
}

async function failureOf(promise: Promise<unknown>): Promise<DownloadError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(DownloadError);
		return error as DownloadError;
	}
	throw new Error('expected the download to fail');
}

describe('downloadToFile', () => {
	test('streams the body to disk and hashes it', async () => {
		server = await startServer((_request, response) => response.end(cslCsv));
		const result = await downloadToFile(new URL(`${server.origin}/consolidated.csv`), destination(), options());
		expect(result.status).toBe('downloaded');
		expect(readFileSync(destination())).toEqual(cslCsv);
		if (result.status === 'downloaded') expect(result.contentHash).toBe(createHash('sha256').update(cslCsv).digest('hex'));
	});

	test('undoes gzip and stores the plain bytes', async () => {
		server = await startServer((request, response) => {
			expect(request.headers['accept-encoding']).toContain('gzip');
			response.writeHead(200, {'content-encoding': 'gzip'});
			response.end(gzipSync(cslCsv));
		});
		await downloadToFile(new URL(`${server.origin}/c.csv`), destination(), options());
		expect(readFileSync(destination())).toEqual(cslCsv);
	});

	test('retries a 503 with Retry-After: 0 and then succeeds', async () => {
		let calls = 0;
		server = await startServer((_request, response) => {
			calls++;
			if (calls === 1) {
				response.writeHead(503, {'retry-after': '0'});
				response.end('busy');
				return;
			}
			response.end(cslCsv);
		});
		const result = await downloadToFile(
			new URL(`${server.origin}/c.csv`),
			destination(),
			options({retry: {...defaultRetry, baseDelayMs: 60_000}}),
		);
		// A 60 s base backoff would time the test out: Retry-After: 0 was honoured instead.
		expect(result).toMatchObject({status: 'downloaded', tries: 2});
	});

	test('gives up on a persisting 500 after the configured tries', async () => {
		server = await startServer((_request, response) => {
			response.writeHead(500);
			response.end('broken');
		});
		const error = await failureOf(downloadToFile(new URL(`${server.origin}/c.csv`), destination(), options()));
		expect(error.message).toBe('HTTP 500 after 3 tries');
		expect(server.requests).toHaveLength(3);
	});

	test('does not retry a 404', async () => {
		server = await startServer((_request, response) => {
			response.writeHead(404);
			response.end();
		});
		const error = await failureOf(downloadToFile(new URL(`${server.origin}/c.csv`), destination(), options()));
		expect(error.message).toBe('HTTP 404 (check the URL)');
		expect(server.requests).toHaveLength(1);
	});

	test('times out when the server accepts and never answers', async () => {
		server = await startServer(() => undefined);
		const error = await failureOf(
			downloadToFile(
				new URL(`${server.origin}/c.csv`),
				destination(),
				options({
					timeouts: {connectMs: 500, responseMs: 150, idleMs: 150, totalMs: 2000},
					retry: {...defaultRetry, limit: 1, baseDelayMs: 1},
				}),
			),
		);
		expect(error.reason).toBe('timeout');
		expect(error.message).toMatch(/no response within 150 ms after 2 tries|server went silent/);
	});

	test('fails a body cut short of its Content-Length', async () => {
		server = await startServer((_request, response) => {
			response.writeHead(200, {'content-length': String(cslCsv.length)});
			response.write(cslCsv.subarray(0, 1000));
			// Hang up mid-body, as a dropped connection would.
			setImmediate(() => response.socket?.destroy());
		});
		const error = await failureOf(downloadToFile(new URL(`${server.origin}/c.csv`), destination(), options()));
		expect(error.reason).toBe('truncated');
		expect(error.message).toMatch(/ended early/);
	});

	test('rejects a declared Content-Length above the limit before reading the body', async () => {
		server = await startServer((_request, response) => {
			response.writeHead(200, {'content-length': String(cslCsv.length)});
			response.end(cslCsv);
		});
		const error = await failureOf(downloadToFile(new URL(`${server.origin}/c.csv`), destination(), options({maxBytes: 1024})));
		expect(error.reason).toBe('too-large');
		expect(error.message).toMatch(/announced .* over the 1.0 KiB limit/);
	});

	test('stops a body without Content-Length once it passes the limit', async () => {
		server = await startServer((_request, response) => {
			// Chunked, so the size is only known by counting.
			response.writeHead(200, {'transfer-encoding': 'chunked'});
			response.write(cslCsv);
			response.end(cslCsv);
		});
		const error = await failureOf(downloadToFile(new URL(`${server.origin}/c.csv`), destination(), options({maxBytes: 4096})));
		expect(error.reason).toBe('too-large');
		expect(error.message).toMatch(/passed the 4.0 KiB limit/);
		expect(server.requests).toHaveLength(1);
	});

	test('follows a redirect on the same host', async () => {
		server = await startServer((request, response) => {
			if (request.url === '/old.csv') {
				response.writeHead(301, {location: '/new.csv'});
				response.end();
				return;
			}
			response.end(cslCsv);
		});
		const result = await downloadToFile(new URL(`${server.origin}/old.csv`), destination(), options());
		expect(result).toMatchObject({status: 'downloaded', url: `${server.origin}/new.csv`});
	});

	test('refuses a redirect to another host, even another loopback name', async () => {
		const other = await startServer((_request, response) => response.end(cslCsv), 'localhost');
		try {
			server = await startServer((_request, response) => {
				response.writeHead(302, {location: `http://localhost:${other.port}/c.csv`});
				response.end();
			});
			const error = await failureOf(
				downloadToFile(new URL(`${server.origin}/c.csv`), destination(), options({headers: {authorization: 'Bearer s3cret-token'}})),
			);
			expect(error.reason).toBe('redirect');
			expect(error.message).toMatch(/redirected from 127\.0\.0\.1:\d+ to another host \(localhost:\d+\); refused/);
			expect(other.requests).toHaveLength(0);
		} finally {
			await other.close();
		}
	});

	test('refuses a redirect to file://', async () => {
		server = await startServer((_request, response) => {
			response.writeHead(302, {location: 'file:///etc/passwd'});
			response.end();
		});
		const error = await failureOf(downloadToFile(new URL(`${server.origin}/c.csv`), destination(), options()));
		expect(error.reason).toBe('redirect');
		expect(error.message).toMatch(/redirected to file: .*refused/);
	});

	test('sends the conditional headers and reports a 304', async () => {
		server = await startServer((request, response) => {
			if (request.headers['if-none-match'] === '"v1"') {
				response.writeHead(304);
				response.end();
				return;
			}
			response.end(cslCsv);
		});
		const result = await downloadToFile(
			new URL(`${server.origin}/c.csv`),
			destination(),
			options({conditional: {etag: '"v1"', lastModified: 'Mon, 16 May 2022 00:00:00 GMT'}}),
		);
		expect(result.status).toBe('not-modified');
		expect(server.requests[0]!['if-modified-since']).toBe('Mon, 16 May 2022 00:00:00 GMT');
	});

	test('reports progress with transferred bytes and a rate', async () => {
		server = await startServer((_request, response) => {
			response.writeHead(200, {'content-length': String(cslCsv.length)});
			response.end(cslCsv);
		});
		const seen: {transferred: number; total: number | null}[] = [];
		await downloadToFile(new URL(`${server.origin}/c.csv`), destination(), options({onProgress: progress => seen.push(progress)}));
		expect(seen.at(-1)).toMatchObject({transferred: cslCsv.length, total: cslCsv.length});
	});

	test('keeps the auth token out of error messages', async () => {
		server = await startServer((_request, response) => {
			response.writeHead(302, {location: 'file:///tmp/s3cret-token'});
			response.end();
		});
		const error = await failureOf(
			downloadToFile(
				new URL(`${server.origin}/c.csv`),
				destination(),
				options({headers: {authorization: 's3cret-token'}, secrets: ['s3cret-token']}),
			),
		);
		expect(error.message).not.toContain('s3cret-token');
		expect(error.message).toContain('[redacted]');
	});

	test('refuses plain http to a host that is not loopback', async () => {
		const error = await failureOf(downloadToFile(new URL('http://example.invalid/list.csv'), destination(), options()));
		expect(error.reason).toBe('refused');
		expect(error.message).toMatch(/plain http to example\.invalid is refused.*--allow-http/);
	});

	test('tunnels through the proxy named by HTTP_PROXY with CONNECT, with its credentials', async () => {
		server = await startServer((_request, response) => response.end(cslCsv));
		const tunnels: string[] = [];
		const proxy = http.createServer();
		proxy.on('connect', (request: http.IncomingMessage, client: net.Socket) => {
			tunnels.push(`${request.url} ${request.headers['proxy-authorization'] ?? ''}`);
			const [host, port] = request.url!.split(':');
			const upstream = net.connect(Number(port), host, () => {
				client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
				upstream.pipe(client);
				client.pipe(upstream);
			});
			upstream.on('error', () => client.destroy());
		});
		await new Promise<void>(ready => proxy.listen(0, '127.0.0.1', ready));
		try {
			const {port} = proxy.address() as net.AddressInfo;
			const env = {...home.env, HTTP_PROXY: `http://user:pw@127.0.0.1:${port}`};
			await downloadToFile(new URL(`${server.origin}/c.csv`), destination(), options({env}));
			expect(tunnels).toEqual([`127.0.0.1:${server.port} Basic ${Buffer.from('user:pw').toString('base64')}`]);
			expect(readFileSync(destination())).toEqual(cslCsv);
		} finally {
			proxy.closeAllConnections();
			await new Promise<void>(done => proxy.close(() => done()));
		}
	});
});

describe('policies', () => {
	test('loopback means 127/8, ::1 and localhost', () => {
		expect(['127.0.0.1', '127.0.0.2', '[::1]', 'localhost', 'api.localhost'].every(isLoopbackHost)).toBe(true);
		expect(['10.0.0.1', 'example.com', 'localhost.example.com'].some(isLoopbackHost)).toBe(false);
	});

	test('https is needed off this machine unless allowHttp', () => {
		expect(urlRefusal(new URL('https://example.com/x'), false)).toBeNull();
		expect(urlRefusal(new URL('http://example.com/x'), true)).toBeNull();
		expect(urlRefusal(new URL('http://127.0.0.1:8/x'), false)).toBeNull();
		expect(urlRefusal(new URL('http://example.com/x'), false)).toMatch(/refused/);
		expect(urlRefusal(new URL('ftp://example.com/x'), true)).toMatch(/not supported/);
	});

	test('NO_PROXY matches hosts, domain suffixes, ports, CIDR and *', () => {
		const url = new URL('https://api.trade.gov/list.csv');
		expect(bypassesProxy(url, 'trade.gov')).toBe(true);
		expect(bypassesProxy(url, '.trade.gov')).toBe(true);
		expect(bypassesProxy(url, 'api.trade.gov:443')).toBe(true);
		expect(bypassesProxy(url, 'api.trade.gov:8443')).toBe(false);
		expect(bypassesProxy(url, 'other.gov, *')).toBe(true);
		expect(bypassesProxy(url, 'ade.gov')).toBe(false);
		expect(bypassesProxy(new URL('http://10.1.2.3/x'), '10.0.0.0/8')).toBe(true);
		expect(bypassesProxy(new URL('http://[::1]:80/x'), '::1')).toBe(true);
	});

	test('the proxy comes from the variable for the target scheme', () => {
		const env = {HTTPS_PROXY: 'proxy.corp:3128', http_proxy: 'http://plain.corp:80', NO_PROXY: 'internal.corp'};
		expect(proxyFor(new URL('https://api.trade.gov/x'), env)?.href).toBe('http://proxy.corp:3128/');
		expect(proxyFor(new URL('http://api.trade.gov/x'), env)?.host).toBe('plain.corp');
		expect(proxyFor(new URL('https://lists.internal.corp/x'), env)).toBeNull();
		expect(proxyFor(new URL('https://api.trade.gov/x'), {})).toBeNull();
	});

	test('Retry-After reads seconds and HTTP dates', () => {
		expect(parseRetryAfter('7')).toBe(7000);
		expect(parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(30_000);
		expect(parseRetryAfter('soon')).toBeUndefined();
	});
});
