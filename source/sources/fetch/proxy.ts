// Proxies from HTTPS_PROXY / HTTP_PROXY / NO_PROXY. got has no proxy support and no
// proxy-agent package is installed, so this tunnels with CONNECT through an http:// or
// https:// proxy, for https targets (TLS end to end) and for http targets alike.
import http from 'node:http';
import https from 'node:https';
import {isIP, type Socket} from 'node:net';
import tls from 'node:tls';
import type {Duplex} from 'node:stream';

function variable(environment: NodeJS.ProcessEnv, name: string): string | undefined {
	const value = environment[name.toLowerCase()] ?? environment[name.toUpperCase()];
	return value?.trim() ? value.trim() : undefined;
}

function ipv4ToNumber(address: string): number {
	return address.split('.').reduce((total, part) => total * 256 + Number(part), 0);
}

function splitHostPort(entry: string): {host: string; port?: string} {
	const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
	if (bracketed) return {host: bracketed[1]!, port: bracketed[2]};
	if ((entry.match(/:/g) ?? []).length > 1) return {host: entry}; // a bare IPv6 address
	const [host, port] = entry.split(':');
	return {host: host!, port: port || undefined};
}

function matchesNoProxyEntry(hostname: string, port: string, entry: string): boolean {
	if (entry === '*') return true;
	const {host, port: entryPort} = splitHostPort(entry.toLowerCase());
	let pattern = host;
	if (entryPort && entryPort !== port) return false;
	const cidr = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(pattern);
	if (cidr && isIP(hostname) === 4) {
		const bits = Number(cidr[2]);
		if (bits === 0) return true;
		const mask = bits >= 32 ? 0xffffffff : ~((1 << (32 - bits)) - 1) >>> 0;
		return ((ipv4ToNumber(hostname) & mask) >>> 0) === ((ipv4ToNumber(cidr[1]!) & mask) >>> 0);
	}
	pattern = pattern.replace(/^\*?\./, '');
	return hostname === pattern || hostname.endsWith(`.${pattern}`);
}

/** curl's NO_PROXY rules: comma or space separated hosts, domain suffixes (".example.com"), host:port, IPv4 CIDR, "*". */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
	if (!noProxy) return false;
	const hostname = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
	const port = url.port || (url.protocol === 'https:' ? '443' : '80');
	return noProxy
		.split(/[\s,]+/)
		.filter(Boolean)
		.some(entry => matchesNoProxyEntry(hostname, port, entry));
}

/** The proxy URL to use for this target, or null for a direct connection. */
export function proxyFor(url: URL, environment: NodeJS.ProcessEnv): URL | null {
	const raw = url.protocol === 'https:' ? variable(environment, 'https_proxy') : variable(environment, 'http_proxy');
	if (!raw || bypassesProxy(url, variable(environment, 'no_proxy'))) return null;
	let proxy: URL;
	try {
		proxy = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
	} catch {
		throw new ProxyConfigError(`the proxy setting (${url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY'}) is not a valid URL; fix or unset it`);
	}
	if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
		throw new ProxyConfigError(`${proxy.protocol} proxies are not supported (only http:// and https:// proxies with CONNECT); unset the proxy variable or add the host to NO_PROXY`);
	}
	return proxy;
}

export class ProxyConfigError extends Error {}

type ConnectionOptions = http.ClientRequestArgs & tls.ConnectionOptions;
type ConnectionCallback = (error: Error | null, stream: Duplex) => void;

function proxyAuthorization(proxy: URL): Record<string, string> {
	if (!proxy.username) return {};
	const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
	return {'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}`};
}

/** Opens a CONNECT tunnel to host:port through the proxy; TLS to the target goes inside it. */
function openTunnel(proxy: URL, options: ConnectionOptions, secureTarget: boolean, connectTimeoutMs: number, callback: ConnectionCallback): void {
	const targetHost = options.hostname ?? options.host ?? 'localhost';
	const targetPort = Number(options.port ?? (secureTarget ? 443 : 80));
	const authority = `${isIP(targetHost) === 6 ? `[${targetHost}]` : targetHost}:${targetPort}`;
	const transport = proxy.protocol === 'https:' ? https : http;
	let settled = false;
	const finish = (error: Error | null, stream?: Duplex) => {
		if (settled) return;
		settled = true;
		clearTimeout(timer);
		callback(error, stream as Duplex);
	};
	const request = transport.request({
		host: proxy.hostname.replace(/^\[|\]$/g, ''),
		port: Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80)),
		method: 'CONNECT',
		path: authority,
		headers: {host: authority, ...proxyAuthorization(proxy)},
		agent: false,
	});
	const timer = setTimeout(() => {
		request.destroy();
		finish(Object.assign(new Error(`the proxy ${proxy.host} did not open a tunnel within ${connectTimeoutMs} ms`), {code: 'ETIMEDOUT'}));
	}, connectTimeoutMs);
	request.once('connect', (response: http.IncomingMessage, socket: Socket) => {
		if (response.statusCode !== 200) {
			socket.destroy();
			finish(Object.assign(new Error(`the proxy ${proxy.host} refused the tunnel to ${authority} (HTTP ${response.statusCode ?? '?'}); check the proxy settings or NO_PROXY`), {code: 'EPROXY'}));
			return;
		}
		if (!secureTarget) {
			finish(null, socket);
			return;
		}
		const secure = tls.connect({...options, socket, servername: options.servername ?? (isIP(targetHost) ? undefined : targetHost)});
		secure.once('secureConnect', () => finish(null, secure));
		secure.once('error', error => finish(error));
	});
	request.once('error', error => finish(error));
	request.end();
}

/** An agent for one proxy; got's `agent: {http, https}` takes it. */
export function tunnelAgents(proxy: URL, connectTimeoutMs: number): {http: http.Agent; https: https.Agent} {
	class HttpTunnelAgent extends http.Agent {
		override createConnection(options: ConnectionOptions, callback?: ConnectionCallback): Duplex | null | undefined {
			openTunnel(proxy, options, false, connectTimeoutMs, callback!);
			return undefined;
		}
	}
	class HttpsTunnelAgent extends https.Agent {
		override createConnection(options: ConnectionOptions, callback?: ConnectionCallback): Duplex | null | undefined {
			openTunnel(proxy, options, true, connectTimeoutMs, callback!);
			return undefined;
		}
	}
	// keepAlive off: a tunnel belongs to one target, and a fetch is a handful of requests.
	return {http: new HttpTunnelAgent({keepAlive: false}), https: new HttpsTunnelAgent({keepAlive: false})};
}
