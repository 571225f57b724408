// Which locations a fetch may reach: http(s) only, HTTPS for anything not on this
// machine unless the source says allowHttp, and redirects only within the same host.
import {isIP} from 'node:net';

export type LocationKind = {kind: 'url'; url: URL} | {kind: 'file'; path: string};

const schemePattern = /^[a-z][a-z\d+.-]*:\/\//i;

export function looksLikeUrl(location: string): boolean {
	return schemePattern.test(location);
}

/** 127.0.0.0/8, ::1 and localhost names: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	if (isIP(host) === 4) return host.startsWith('127.');
	if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host);
	return false;
}

/** Why this URL may not be fetched, or null when it may. */
export function urlRefusal(url: URL, allowHttp: boolean): string | null {
	if (url.protocol === 'https:') return null;
	if (url.protocol !== 'http:') return `${url.protocol} URLs are not supported; use an https URL or a local file path`;
	if (allowHttp || isLoopbackHost(url.hostname)) return null;
	return `plain http to ${url.host} is refused because the list (and any token) could be read or altered on the way; use https, or allow http for this source (--allow-http) if you accept that`;
}

/**
 * Why following a redirect from `from` to `to` is refused, or null when it may be followed.
 * `credentialed`: the request carries a secret (an Authorization header, credentials in the
 * URL), which never goes from https to plain http, whatever allowHttp says.
 */
export function redirectRefusal(from: URL, to: URL, allowHttp: boolean, credentialed = false): string | null {
	if (to.protocol !== 'http:' && to.protocol !== 'https:')
		return `redirected to ${to.protocol} (${to.href.slice(0, 80)}); refused: only http(s) redirects on the same host are followed`;
	// host includes a non-default port: another port can be another service.
	if (to.host !== from.host)
		return `redirected from ${from.host} to another host (${to.host}); refused so the list and any auth header stay with the configured host; configure the final URL if it is trusted`;
	if (credentialed && from.protocol === 'https:' && to.protocol === 'http:')
		return `redirected from https to plain http (${to.host}); refused because the request carries credentials that would travel in the clear (--allow-http does not change this); ask the provider for an https URL`;
	return urlRefusal(to, allowHttp);
}
