// `vendor-risk store migrate` and `vendor-risk store status`: the shared store's
// schema, applied by its administrator, and where this machine stands with it.
import {exitCodes, UserInputError} from '../errors/index.js';
import {configuredStoreLocation, loadStoreMigrations, withStore} from '../decisions/index.js';
import {countOf, sanitizeText} from '../text/index.js';
import {reporting, type CommandIO} from './io.js';

/** Applies the migrations the configured shared store lacks; with `print`, prints their SQL instead. */
export async function runStoreMigrate(options: {print?: boolean}, io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		const {migrateStore, migrationScript} = await loadStoreMigrations();
		if (options.print) {
			io.stdout.write(`${migrationScript()}\n`);
			return exitCodes.ok;
		}
		const location = configuredStoreLocation(io.env);
		if (location.kind === 'local')
			throw new UserInputError('store migrate prepares a shared PostgreSQL store, and none is configured', {
				hint: 'vendor-risk config set store postgres://host/database (or VENDOR_RISK_STORE), then run it as the database owner',
			});
		const report = await migrateStore(location.url, location.display, io.env);
		io.stdout.write(
			report.applied.length
				? `${sanitizeText(report.location)}: applied ${report.applied.map(migration => `${migration.version} (${migration.name})`).join(', ')}; schema ${report.version}\n`
				: `${sanitizeText(report.location)}: up to date at schema ${report.version}\n`,
		);
		return exitCodes.ok;
	});
}

/** Where the decision log lives and how this machine stands with it: online or offline, entries, unsent outbox entries. */
export async function runStoreStatus(options: {json?: boolean}, io: CommandIO): Promise<number> {
	return reporting(io, () =>
		withStore(io.env, async store => {
			await store.read();
			const status = store.status();
			if (options.json) {
				io.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
				return exitCodes.ok;
			}
			const lines = [
				`${status.kind === 'postgres' ? 'shared store' : 'local log'}: ${sanitizeText(status.location)}`,
				`${status.connection}; ${countOf(status.entries, 'entry', 'entries')}${status.kind === 'postgres' ? `, ${status.outbox} unsent in this machine's outbox` : ''}`,
			];
			if (status.problem) lines.push(sanitizeText(status.problem));
			if (status.outbox > 0) lines.push('send the outbox with: vendor-risk log push');
			io.stdout.write(`${lines.join('\n')}\n`);
			return exitCodes.ok;
		}),
	);
}
