// Which decision store a run uses: the local conf log (the default) or a team's
// shared PostgreSQL database, chosen by `config set store …` or VENDOR_RISK_STORE.
// The location never carries a credential: a URL with a password is refused here,
// so no setting, message, mirror or export can ever hold one. Passwords come from
// PGPASSWORD or ~/.pgpass when the connection is made.
import {UserInputError} from '../errors/index.js';

export type StoreLocation = {kind: 'local'} | {kind: 'postgres'; url: URL; display: string};

/** The query parameters a store URL may carry: TLS and the connect timeout, as libpq names them. */
export const storeUrlParameters = ['sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'connect_timeout', 'host'] as const;
export const sslModes = ['disable', 'require', 'verify-ca', 'verify-full'] as const;

const localNames = new Set(['local', 'conf']);

/**
 * Parses a store location as a user wrote it; `origin` names where it came from
 * (`config store`, `VENDOR_RISK_STORE`) for the one-line error. The URL itself is never
 * echoed back when it is refused: it may hold the very password that makes it wrong.
 */
export function parseStoreLocation(text: string, origin: string): StoreLocation {
	const trimmed = text.trim();
	if (localNames.has(trimmed.toLowerCase())) return {kind: 'local'};
	if (!/^postgres(ql)?:\/\//i.test(trimmed))
		throw new UserInputError(`${origin}: expected "local" or a PostgreSQL URL such as postgres://db.example.org/vendor_risk`);
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		throw new UserInputError(`${origin}: not a valid PostgreSQL URL; expected postgres://host[:port]/database`);
	}
	if (url.password !== '' || url.searchParams.has('password'))
		throw new UserInputError(`${origin}: the URL carries a password, which is never stored or passed on the command line`, {
			hint: 'give the URL without it and put the password in PGPASSWORD or ~/.pgpass (README: Team use)',
		});
	for (const key of url.searchParams.keys()) {
		if (!(storeUrlParameters as readonly string[]).includes(key))
			throw new UserInputError(`${origin}: unknown URL parameter "${key}"; allowed: ${storeUrlParameters.join(', ')}`);
	}
	const sslmode = url.searchParams.get('sslmode');
	if (sslmode !== null && !(sslModes as readonly string[]).includes(sslmode))
		throw new UserInputError(`${origin}: sslmode "${sslmode}" is not supported; use one of ${sslModes.join(', ')}`);
	if (url.pathname.replace(/^\//, '') === '' && !url.searchParams.has('host') && url.hostname === '')
		throw new UserInputError(`${origin}: the URL names no host or database; expected postgres://host[:port]/database`);
	return {kind: 'postgres', url, display: displayOf(url)};
}

/** The URL as shown in messages and recorded beside the mirror: scheme, user, host, port, database, parameters. */
function displayOf(url: URL): string {
	const copy = new URL(url.href);
	copy.password = '';
	return copy.href;
}

/** VENDOR_RISK_STORE wins over the saved setting; neither means the local log. */
export function storeLocationOf(env: NodeJS.ProcessEnv, saved: string | undefined): StoreLocation {
	const fromEnv = env.VENDOR_RISK_STORE;
	if (fromEnv !== undefined && fromEnv.trim() !== '') return parseStoreLocation(fromEnv, 'VENDOR_RISK_STORE');
	if (saved !== undefined && saved.trim() !== '') return parseStoreLocation(saved, 'config store');
	return {kind: 'local'};
}
