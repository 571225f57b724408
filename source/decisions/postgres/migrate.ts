// `vendor-risk store migrate`: applies the migrations a shared store lacks, in
// order, in one transaction under an advisory lock (two administrators running it
// at once apply each migration once), and refuses a store whose applied migrations
// differ from the ones this release carries.
import {OperationError} from '../../errors/index.js';
import {clientConfig, ClosingClient, isUnreachable, storeFailure} from './connection.js';
import {checksumOf, migrations, migrationsTableSql, schemaName, type Migration} from './migrations.js';

export type MigrateReport = {applied: Migration[]; version: number; location: string};

export async function migrateStore(url: URL, display: string, env: NodeJS.ProcessEnv): Promise<MigrateReport> {
	const config = clientConfig(url, env);
	const client = new ClosingClient(config);
	// A broken connection is reported by the query that meets it; the event must not end the process.
	client.on('error', () => undefined);
	try {
		await client.connect();
	} catch (error) {
		throw storeFailure(`cannot connect to the shared store at ${display}`, error, config, env);
	}
	try {
		await client.query('BEGIN');
		await client.query('SELECT pg_advisory_xact_lock(1987209587, 2)');
		await client.query(migrationsTableSql);
		const {rows} = await client.query<{version: number; checksum: string}>(
			`SELECT version, checksum FROM ${schemaName}.migrations ORDER BY version`,
		);
		const known = new Map(migrations.map(migration => [migration.version, migration]));
		for (const row of rows) {
			const migration = known.get(row.version);
			if (!migration)
				throw new OperationError(`the shared store at ${display} has migration ${row.version}, which this vendor-risk does not know`, {
					hint: 'use the vendor-risk release that migrated it, or a newer one',
				});
			if (checksumOf(migration) !== row.checksum)
				throw new OperationError(
					`migration ${row.version} in the shared store at ${display} differs from the one this vendor-risk carries`,
					{
						hint: 'a migration is never edited after release; ask whoever changed it',
					},
				);
		}
		const applied = new Set(rows.map(row => row.version));
		const pending = migrations.filter(migration => !applied.has(migration.version));
		for (const migration of pending) {
			await client.query(migration.sql);
			await client.query(`INSERT INTO ${schemaName}.migrations (version, name, checksum) VALUES ($1, $2, $3)`, [
				migration.version,
				migration.name,
				checksumOf(migration),
			]);
		}
		await client.query('COMMIT');
		return {applied: pending, version: migrations.at(-1)!.version, location: display};
	} catch (error) {
		await client.query('ROLLBACK').catch(() => undefined);
		if (error instanceof OperationError) throw error;
		const code = (error as {code?: string}).code;
		throw storeFailure(
			`cannot migrate the shared store at ${display}`,
			error,
			config,
			env,
			isUnreachable(error)
				? undefined
				: code === '42501'
					? 'migrate as the database owner (a role that may create schemas and roles), then grant vendor_risk_reviewer to each reviewer'
					: 'nothing was changed: the migration runs in one transaction',
		);
	} finally {
		await client.end().catch(() => undefined);
	}
}

/** The SQL `store migrate` would run, for an administrator who applies it by hand. */
export function migrationScript(): string {
	return [
		'BEGIN;',
		migrationsTableSql.trim(),
		...migrations.map(
			migration =>
				`-- migration ${migration.version}: ${migration.name}\n${migration.sql.trim()}\nINSERT INTO ${schemaName}.migrations (version, name, checksum) VALUES (${migration.version}, '${migration.name.replace(/'/g, "''")}', '${checksumOf(migration)}');`,
		),
		'COMMIT;',
	].join('\n\n');
}
