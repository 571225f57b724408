// TLS to the shared store: a server that accepts only TLS connections, reached with
// sslmode=verify-full and the team's CA file; the wrong CA or the wrong host name is refused.
import {chownSync, copyFileSync, chmodSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {runCli} from '../commands/cli.js';
import {temporaryHome} from '../helpers.js';
import {superuserPassword, useServer} from './server.js';

const tls = join(dirname(fileURLToPath(import.meta.url)), 'tls');

const server = useServer({
	postgresFlags: ['-c', 'ssl=on'],
	adminTls: true,
	beforeStart(data) {
		// The server reads its key only when the key belongs to it and nobody else may read it.
		const owner = statSync(data);
		for (const name of ['server.crt', 'server.key']) {
			copyFileSync(join(tls, name), join(data, name));
			chownSync(join(data, name), owner.uid, owner.gid);
			chmodSync(join(data, name), 0o600);
		}
		// TLS or nothing: every TCP connection must be hostssl.
		const hba = readFileSync(join(data, 'pg_hba.conf'), 'utf8').replace(/^host(\s)/gm, 'hostssl$1');
		writeFileSync(join(data, 'pg_hba.conf'), hba);
	},
});

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => (home = temporaryHome()));
afterEach(() => home.remove());

const migrate = (url: string) => runCli(['store', 'migrate'], home.path, {env: {VENDOR_RISK_STORE: url, PGPASSWORD: superuserPassword}});

describe('TLS to the shared store', () => {
	it('connects with sslmode=verify-full and the CA file, and refuses another CA, another host name and no TLS', async () => {
		const database = await server().createDatabase('tls');
		const at = (host: string, query: string) => `postgres://postgres@${host}:${server().port}/${database}${query}`;

		const verified = migrate(at('localhost', `?sslmode=verify-full&sslrootcert=${join(tls, 'ca.crt')}`));
		expect(verified.status, verified.stderr).toBe(0);
		expect(verified.stdout).toContain(
			'applied 1 (append-only decision log, head, evidence, reviewer role), 2 (entries chained in the database in one statement); schema 2',
		);

		const otherCa = migrate(at('localhost', `?sslmode=verify-full&sslrootcert=${join(tls, 'other-ca.crt')}`));
		expect(otherCa.status).toBe(1);
		expect(otherCa.stderr).toMatch(/^vendor-risk: cannot connect to the shared store at .*: .*(certificate|self-signed|issuer)/i);

		const wrongName = migrate(at('127.0.0.1', `?sslmode=verify-full&sslrootcert=${join(tls, 'ca.crt')}`));
		expect(wrongName.status).toBe(1);
		expect(wrongName.stderr).toMatch(/Hostname\/IP does not match certificate's altnames/);

		const plain = migrate(at('localhost', '?sslmode=disable'));
		expect(plain.status).toBe(1);
		expect(plain.stderr).toMatch(/no pg_hba\.conf entry .* no encryption/);
		for (const result of [verified, otherCa, wrongName, plain]) expect(result.stderr).not.toContain(superuserPassword);

		// A reviewer's whole round trip over verify-full: decide, then verify.
		const url = at('localhost', `?sslmode=verify-full&sslrootcert=${join(tls, 'ca.crt')}`);
		const env = {VENDOR_RISK_STORE: url, PGPASSWORD: superuserPassword};
		expect(
			runCli(['decide', 'kaspersky', 'reject', '--reason', 'sanctioned-entity', '--note', 'Prohibited.'], home.path, {env}).status,
		).toBe(0);
		const verify = runCli(['log', 'verify'], home.path, {env});
		expect(verify.status, verify.stderr).toBe(0);
		expect(verify.stdout).toContain('chain intact: 1 entry');
	});
});
