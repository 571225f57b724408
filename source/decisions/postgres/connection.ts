// How vendor-risk connects to a shared store: host, database and TLS from the
// store URL (or the standard PG* variables), the password only from PGPASSWORD or
// ~/.pgpass, asked for when the server wants it and never kept anywhere else.
// Errors are one line naming the store without credentials, and say whether the
// database could not be reached at all (then the store works offline) or refused
// us (a wrong password, a bad certificate: never hidden behind offline mode).
import {readFileSync} from 'node:fs';
import {homedir, userInfo} from 'node:os';
import {join} from 'node:path';
import pg, {type ClientConfig} from 'pg';
import pgpass from 'pgpass';
import {OperationError, UserInputError} from '../../errors/index.js';

/** Seconds to wait for a connection before working offline, unless connect_timeout or PGCONNECT_TIMEOUT says otherwise. */
const defaultConnectTimeoutSeconds = 5;

export type ConnectionTarget = {host: string; port: number; database: string; user: string};

/** What pg needs to connect, resolved from the URL and `env`; the password is a function, so it is read only when asked for. */
export function clientConfig(url: URL, env: NodeJS.ProcessEnv): ClientConfig & ConnectionTarget {
	const parameter = (name: string) => url.searchParams.get(name) ?? undefined;
	const host = decodeURIComponent(url.hostname.replace(/^\[(.*)\]$/, '$1')) || parameter('host') || env.PGHOST || 'localhost';
	const port = Number(url.port || env.PGPORT || 5432);
	const user = decodeURIComponent(url.username) || env.PGUSER || osUser();
	const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || env.PGDATABASE || user;
	const timeout = Number(parameter('connect_timeout') ?? env.PGCONNECT_TIMEOUT ?? defaultConnectTimeoutSeconds);
	const target = {host, port, database, user};
	return {
		...target,
		password: () => passwordFor(target, env),
		ssl: tlsOptions(url, env, host),
		connectionTimeoutMillis: (Number.isFinite(timeout) && timeout > 0 ? timeout : defaultConnectTimeoutSeconds) * 1000,
		application_name: 'vendor-risk',
		keepAlive: true,
	};
}

function osUser(): string {
	try {
		return userInfo().username;
	} catch {
		return 'postgres';
	}
}

/** PGPASSWORD, else the matching line of PGPASSFILE or ~/.pgpass (read by the pgpass package, which ignores a file others can read). */
async function passwordFor(target: ConnectionTarget, env: NodeJS.ProcessEnv): Promise<string> {
	if (env.PGPASSWORD !== undefined) return env.PGPASSWORD;
	const found = await new Promise<string | undefined>(resolve => pgpass({...target, port: String(target.port)}, resolve));
	if (found !== undefined) return found;
	throw new MissingPasswordError(`the database asks for a password for user ${target.user} and none is given`, {
		hint: 'set PGPASSWORD, or add host:port:database:user:password to ~/.pgpass (mode 0600); a password is never read from the store URL',
	});
}

export class MissingPasswordError extends OperationError {}

/**
 * TLS as libpq's sslmode says: disable (the default, as pg's), require (encrypted, unverified),
 * verify-ca (a certificate from the CA), verify-full (from the CA and for this host name).
 * The CA file is sslrootcert, else PGSSLROOTCERT, else ~/.postgresql/root.crt when present;
 * without one, Node's built-in public CAs verify the server.
 */
function tlsOptions(url: URL, env: NodeJS.ProcessEnv, host: string): ClientConfig['ssl'] {
	const mode = url.searchParams.get('sslmode') ?? env.PGSSLMODE ?? 'disable';
	if (mode === 'disable') return false;
	if (mode === 'require') return {rejectUnauthorized: false};
	if (mode !== 'verify-ca' && mode !== 'verify-full')
		throw new UserInputError(`sslmode "${mode}" is not supported; use disable, require, verify-ca or verify-full`);
	const caFile = url.searchParams.get('sslrootcert') ?? env.PGSSLROOTCERT ?? defaultRootCertificate(env);
	const certFile = url.searchParams.get('sslcert') ?? env.PGSSLCERT;
	const keyFile = url.searchParams.get('sslkey') ?? env.PGSSLKEY;
	return {
		rejectUnauthorized: true,
		...(caFile ? {ca: readTlsFile('sslrootcert', caFile)} : {}),
		...(certFile ? {cert: readTlsFile('sslcert', certFile)} : {}),
		...(keyFile ? {key: readTlsFile('sslkey', keyFile)} : {}),
		...(mode === 'verify-full' ? {servername: host} : {checkServerIdentity: () => undefined}),
	};
}

function defaultRootCertificate(env: NodeJS.ProcessEnv): string | undefined {
	const path = join(env.HOME ?? homedir(), '.postgresql', 'root.crt');
	try {
		readFileSync(path);
		return path;
	} catch {
		return undefined;
	}
}

function readTlsFile(parameter: string, path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch (error) {
		throw new UserInputError(`${parameter} ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
	}
}

/**
 * A pg client that closes its socket when it has no password to give. pg reports the failure
 * but leaves the socket open, and the server holds it for its authentication timeout: a minute
 * in which the process cannot exit.
 */
export class ClosingClient extends pg.Client {
	constructor(config: ClientConfig = {}) {
		const self: {client?: pg.Client} = {};
		const {password} = config;
		super({
			...config,
			password:
				typeof password === 'function'
					? async () => {
							try {
								return await password();
							} catch (error) {
								// After pg has reported this error, not before: ending first would report a closed connection instead.
								setImmediate(() => void self.client?.end().catch(() => undefined));
								throw error;
							}
						}
					: password,
		});
		self.client = this;
	}
}

// Network failures and a server that is going away or starting up: the store works offline meanwhile.
const unreachableCodes = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ENOTFOUND',
	'EAI_AGAIN',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EPIPE',
]);
const unreachableSqlStates = new Set(['57P01', '57P02', '57P03', '53300']);
const unreachableMessages =
	/connection terminated|timeout expired|connection timeout|server closed the connection|client has encountered a connection error|not queryable|Connection terminated/i;

/** Whether `error` means the database cannot be reached now (rather than that it refused us or our query). */
export function isUnreachable(error: unknown): boolean {
	const candidate = error as {code?: unknown; message?: unknown} | null;
	const code = typeof candidate?.code === 'string' ? candidate.code : '';
	if (unreachableCodes.has(code) || unreachableSqlStates.has(code) || code.startsWith('08')) return true;
	if (error instanceof AggregateError) return error.errors.some(isUnreachable);
	return typeof candidate?.message === 'string' && unreachableMessages.test(candidate.message);
}

/** One line about a failure, naming the store by its URL (which holds no password) and never the password itself. */
export function describeFailure(error: unknown, target: ConnectionTarget, env: NodeJS.ProcessEnv): string {
	const candidate = error as {code?: unknown; message?: unknown} | null;
	let message = typeof candidate?.message === 'string' && candidate.message ? candidate.message : String(error);
	if (error instanceof AggregateError && error.errors.length) message = describeFailure(error.errors[0], target, env);
	if (typeof candidate?.code === 'string' && /^[A-Z]+$/.test(candidate.code) && !message.includes(candidate.code))
		message = `${message} (${candidate.code})`;
	return redact(message.replace(/\s+/g, ' ').trim(), env);
}

/** Removes the password wherever it might have been echoed: no message leaves this module holding it. */
export function redact(text: string, env: NodeJS.ProcessEnv): string {
	const secret = env.PGPASSWORD;
	return secret && secret.length >= 1 ? text.split(secret).join('***') : text;
}

/** A failure to reach or use the shared store: one line, exit 1. */
export function storeFailure(
	what: string,
	error: unknown,
	target: ConnectionTarget,
	env: NodeJS.ProcessEnv,
	hint?: string,
): OperationError {
	// A failure that already says what to do (no password given) keeps its hint.
	const ownHint = error instanceof OperationError ? error.hint : undefined;
	return new OperationError(`${what}: ${describeFailure(error, target, env)}`, {hint: hint ?? ownHint, cause: error});
}
