// Proxies from HTTPS_PROXY / HTTP_PROXY / NO_PROXY. got has no proxy support of its
// own; its documentation recommends hpagent, which tunnels https targets with CONNECT
// (TLS end to end) and sends http targets through the proxy. The variables are read
// from the run's environment (not process.env), so tests and scripts can set them.
import type http from 'node:http';
import type https from 'node:https';
import {isIP} from 'node:net';

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
		return (ipv4ToNumber(hostname) & mask) >>> 0 === (ipv4ToNumber(cidr[1]!) & mask) >>> 0;
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
		throw new ProxyConfigError(
			`the proxy setting (${url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY'}) is not a valid URL; fix or unset it`,
		);
	}
	if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
		throw new ProxyConfigError(
			`${proxy.protocol} proxies are not supported (only http:// and https:// proxies); unset the proxy variable or add the host to NO_PROXY`,
		);
	}
	return proxy;
}

export class ProxyConfigError extends Error {}

/**
 * Agents for one proxy; got's `agent: {http, https}` takes them. Credentials in the proxy URL become Proxy-Authorization.
 * hpagent (and node:http, node:https, node:tls with it) is loaded only when a download goes through a proxy.
 */
export async function tunnelAgents(proxy: URL, connectTimeoutMs: number): Promise<{http: http.Agent; https: https.Agent}> {
	const {HttpProxyAgent, HttpsProxyAgent} = await import('hpagent');
	// keepAlive off: a fetch is a handful of requests to one host.
	const options = {proxy, keepAlive: false, timeout: connectTimeoutMs};
	return {http: new HttpProxyAgent(options), https: new HttpsProxyAgent(options)};
}
