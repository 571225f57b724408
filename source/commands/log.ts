// `vendor-risk log export` and `vendor-risk log verify`.
import {writeFileSync} from 'node:fs';
import {OperationError, UserInputError, exitCodes} from '../errors/index.js';
import {exportFormats, exportLog, openDecisionLog, parseSince, selectEntries, verifyChain, type ExportFormat} from '../decisions/index.js';
import {reporting, type CommandIO} from './io.js';

export type LogExportOptions = {format: string; out?: string; since?: string; filter?: string};

export async function runLogExport(options: LogExportOptions, io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		if (!(exportFormats as readonly string[]).includes(options.format)) {
			throw new UserInputError(`unknown format "${options.format}"; expected one of: ${exportFormats.join(', ')}`);
		}
		if (options.since !== undefined) parseSince(options.since);
		const log = openDecisionLog({env: io.env});
		// A damaged log still exports what can be read; say so, since the export is then incomplete.
		if (log.readOnly) io.stderr.write(`vendor-risk: warning: ${log.readOnlyReason}\n`);
		const entries = log.entries();
		const text = exportLog(entries, {format: options.format as ExportFormat, since: options.since, filter: options.filter});
		if (options.out) {
			// Private to the user, as every file the app writes: a decision log is not for everyone on the machine.
			writeFileSync(options.out, text, {mode: 0o600});
			const count = selectEntries(entries, options).length;
			io.stderr.write(`exported ${count} of ${entries.length} entries to ${options.out}\n`);
		} else {
			io.stdout.write(text);
		}
		return exitCodes.ok;
	});
}

export async function runLogVerify(io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		const log = openDecisionLog({env: io.env});
		if (log.readOnly) throw new OperationError(log.readOnlyReason ?? 'the decision log is open read-only');
		const entries = log.entries();
		const verdict = verifyChain(entries);
		if (verdict.ok) {
			io.stdout.write(`chain intact: ${verdict.count} entries, head ${verdict.head}\n`);
			return exitCodes.ok;
		}
		const seq = (entries[verdict.index] as {seq?: unknown} | undefined)?.seq;
		io.stderr.write(
			`chain broken at entry ${verdict.index + 1} of ${entries.length}${typeof seq === 'number' ? ` (seq ${seq})` : ''}${verdict.entryId ? `, id ${verdict.entryId}` : ''}: ${verdict.problem}\n`,
		);
		return exitCodes.finding;
	});
}
