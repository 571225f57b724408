// Where a source is, as read from the command line (--source, sources add) or the
// settings: the one place a URL's credentials are taken out. Everything downstream
// (source names, list entries, messages, caches, snapshots, decisions, exports) sees
// `shown` and `identity`; only the downloader gets the location as given, and the
// secrets it held go with it so that no message can repeat them.
import {sha256Hex} from '../../text/index.js';
import {looksLikeUrl} from './url-policy.js';

export type SourceLocation = {
	/** As people see it: credentials in the URL replaced by [redacted]. */
	shown: string;
	/** The source's identity: `shown`, plus a short hash of the whole location when something was redacted, so two accounts stay apart. */
	identity: string;
	/** Values that must never appear in a message or a file (the redacted parts, and their Basic-auth form). */
	secrets: string[];
};

const redactedMark = '[redacted]';

// Query parameters that carry secrets: access_token, api_key, apikey, X-Amz-Signature, sig, password, …
const secretParameter = /token|key|secret|pass|pwd|auth|sig|credential|session/i;

function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Reads a location: a URL loses its credentials (user, password, secret query values), a path stays as it is. */
export function readLocation(location: string): SourceLocation {
	if (!looksLikeUrl(location)) return {shown: location, identity: location, secrets: []};
	let url: URL;
	try {
		url = new URL(location);
	} catch {
		// Unparseable: still never show what looks like userinfo.
		const shown = location.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/?#]*@/i, `$1${redactedMark}@`);
		return {shown, identity: shown, secrets: []};
	}
	const secrets: string[] = [];
	let authority = url.host;
	if (url.username || url.password) {
		const user = decoded(url.username);
		const password = decoded(url.password);
		secrets.push(url.username, url.password, user, password, `${user}:${password}`, Buffer.from(`${user}:${password}`).toString('base64'));
		authority = `${redactedMark}@${url.host}`;
	}
	const query = url.search
		.slice(1)
		.split('&')
		.filter(Boolean)
		.map(pair => {
			const [name = '', ...rest] = pair.split('=');
			const value = rest.join('=');
			if (!secretParameter.test(decoded(name)) || value === '') return pair;
			secrets.push(value, decoded(value));
			return `${name}=${redactedMark}`;
		});
	const shown = `${url.protocol}//${authority}${url.pathname}${query.length ? `?${query.join('&')}` : ''}${url.hash}`;
	const kept = secrets.filter(secret => secret.length > 0);
	if (kept.length === 0) return {shown, identity: shown, secrets: []};
	const hash = sha256Hex(location).slice(0, 12);
	return {shown, identity: `${shown} [${hash}]`, secrets: [...new Set(kept)]};
}

/** A location as shown to people: without credentials. */
export function displayLocation(location: string): string {
	return readLocation(location).shown;
}

/** True when cached data recorded under `recorded` came from `location` (the identity, or the raw form older versions stored). */
export function sameLocation(recorded: string, location: string): boolean {
	return recorded === readLocation(location).identity || recorded === location;
}
