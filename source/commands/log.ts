// `vendor-risk log export` and `vendor-risk log verify`, through the store interface only.
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, realpathSync, writeSync} from 'node:fs';
import {basename, dirname, join, resolve, sep} from 'node:path';
import {UserInputError, exitCodes} from '../errors/index.js';
import {
	exportFormats,
	exportInPieces,
	isSharedStore,
	parseSince,
	pushToSharedStore,
	restartChain,
	settingsOf,
	verifyStore,
	withStore,
	type DecisionStore,
	type ExportFormat,
	type ExportManifest,
} from '../decisions/index.js';
import {countOf, sanitizeText} from '../text/index.js';
import {reporting, type CommandIO} from './io.js';
import {writeStreamed} from './streamed-output.js';

export type LogExportOptions = {format?: string; out?: string; since?: string; filter?: string; bundle?: string};

const extensions: Record<ExportFormat, string> = {csv: 'csv', json: 'json', jsonl: 'jsonl', md: 'md'};

export async function runLogExport(options: LogExportOptions, io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		if (options.format === undefined && options.bundle === undefined)
			throw new UserInputError('log export needs --format (csv, json, jsonl or md) or --bundle DIR');
		const format = options.format ?? 'json';
		if (!(exportFormats as readonly string[]).includes(format)) {
			throw new UserInputError(`unknown format "${sanitizeText(format)}"; expected one of: ${exportFormats.join(', ')}`);
		}
		if (options.bundle !== undefined && options.out !== undefined) throw new UserInputError('give --out FILE or --bundle DIR, not both');
		if (options.since !== undefined) parseSince(options.since);
		return withStore(io.env, store => exportFrom(store, format as ExportFormat, options, io));
	});
}

async function exportFrom(store: DecisionStore, format: ExportFormat, options: LogExportOptions, io: CommandIO): Promise<number> {
	if (options.out !== undefined) refuseOwned('--out', options.out, store);
	if (options.bundle !== undefined) refuseOwned('--bundle', options.bundle, store);
	// A damaged log still exports what can be read; say so, since the export is then incomplete.
	if (store.readOnlyReason) io.stderr.write(`vendor-risk: warning: ${store.readOnlyReason}\n`);
	// The store's own content (a shared store's database, not this machine's copy or outbox).
	const entries = await store.read({fresh: true});
	const {pieces, manifest} = exportInPieces(entries, {
		format,
		since: options.since,
		filter: options.filter,
		retentionYears: settingsOf(io.env).retentionYears,
	});
	if (options.bundle !== undefined) return writeBundle(options.bundle, format, pieces, manifest, store, io);
	if (options.out !== undefined) {
		const manifestPath = `${options.out}.manifest.json`;
		writePrivate(options.out, pieces);
		writePrivate(manifestPath, [`${JSON.stringify(manifest, null, 2)}\n`]);
		io.stderr.write(`exported ${manifest.entryCount} of ${entries.length} entries to ${options.out}; manifest ${manifestPath}\n`);
	} else {
		await writeStreamed(io.stdout, pieces);
		// The export on stdout stays exactly the format; its manifest goes to stderr.
		io.stderr.write(`${JSON.stringify(manifest, null, 2)}\n`);
	}
	return exitCodes.ok;
}

/** The log, its manifest, the evidence files and a copy of the raw store (what a restore puts back), in one new folder. */
async function writeBundle(
	folder: string,
	format: ExportFormat,
	pieces: Iterable<string>,
	manifest: ExportManifest,
	store: DecisionStore,
	io: CommandIO,
): Promise<number> {
	if (existsSync(folder) && readdirSync(folder).length > 0)
		throw new UserInputError(`--bundle ${folder}: the folder is not empty; give a new or empty one`);
	mkdirSync(join(folder, 'evidence'), {recursive: true, mode: 0o700});
	const logFile = join(folder, `decision-log.${extensions[format]}`);
	writePrivate(logFile, pieces);
	writePrivate(`${logFile}.manifest.json`, [`${JSON.stringify(manifest, null, 2)}\n`]);
	const missing: string[] = [];
	for (const ref of manifest.evidence) {
		const target = join(folder, 'evidence', ref.sha256);
		mkdirSync(target, {mode: 0o700});
		try {
			if ((await store.evidence.check(ref)) !== 'ok') throw new Error('missing or changed');
			await store.evidence.copyOut(ref, join(target, safeFileName(ref.name)));
		} catch {
			missing.push(`${ref.name} (sha256 ${ref.sha256})`);
		}
	}
	const copied = await store.snapshotTo(join(folder, 'store'));
	writePrivate(join(folder, 'README.txt'), [bundleReadme(logFile, manifest, copied.length, isSharedStore(store))]);
	io.stderr.write(
		`bundled ${manifest.entryCount} of ${manifest.chainLength} entries, ${countOf(manifest.evidence.length - missing.length, 'evidence file')} and the store (${countOf(copied.length, 'file')}) in ${folder}\n`,
	);
	if (missing.length) {
		io.stderr.write(`vendor-risk: evidence missing or changed, not bundled: ${missing.map(name => sanitizeText(name)).join('; ')}\n`);
		return exitCodes.finding;
	}
	return exitCodes.ok;
}

function bundleReadme(logFile: string, manifest: ExportManifest, storeFiles: number, shared: boolean): string {
	return [
		'vendor-risk decision log bundle',
		'',
		`${basename(logFile)}: ${manifest.entryCount} of ${manifest.chainLength} log entries; ${basename(logFile)}.manifest.json: when, chain head, filter, retention (${manifest.retentionYears} years).`,
		'evidence/<sha256>/<name>: each file attached to a decision, in a folder named by its SHA-256 (sha256sum checks it).',
		shared
			? `store/: every row of the shared store's entries table (entries.jsonl) and its head (head.json), ${storeFiles} files: compare them with the database's own backup, from which the log is restored.`
			: `store/: the ${storeFiles} raw store files (shards and head anchor) as they were; to restore the log, stop vendor-risk and copy them into its data folder.`,
		'',
	].join('\n');
}

/** Exports never land on the app's own files (the store, the settings, the caches), wherever a path or symlink points. */
function refuseOwned(flag: string, path: string, store: DecisionStore): void {
	const target = resolvedPath(path);
	for (const owned of store.ownedPaths()) {
		const root = resolvedPath(owned);
		if (target === root || target.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) {
			throw new UserInputError(
				`${flag} ${sanitizeText(path)}: refusing to write into vendor-risk's own files (${sanitizeText(owned)}); choose a path outside it`,
			);
		}
	}
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest, so symlinks cannot hide a target. */
function resolvedPath(path: string): string {
	const absolute = resolve(path);
	const rest: string[] = [];
	let current = absolute;
	for (;;) {
		try {
			return join(realpathSync(current), ...rest);
		} catch {
			const parent = dirname(current);
			if (parent === current) return absolute;
			rest.unshift(basename(current));
			current = parent;
		}
	}
}

/** Writes a file only its owner can read, the pieces gathered into writes of about 64 KiB: an export is never one string. */
function writePrivate(path: string, pieces: Iterable<string>): void {
	const descriptor = openSync(path, 'w', 0o600);
	try {
		let batch = '';
		for (const piece of pieces) {
			batch += piece;
			if (batch.length < 64 * 1024) continue;
			writeSync(descriptor, batch);
			batch = '';
		}
		if (batch) writeSync(descriptor, batch);
	} finally {
		closeSync(descriptor);
	}
}

/** A stored evidence name as one file name: no folders, nothing hidden by dots alone. */
const safeFileName = (name: string) => name.replace(/[/\\\0]/g, '_').replace(/^\.+$/, 'evidence') || 'evidence';

export async function runLogVerify(io: CommandIO): Promise<number> {
	return reporting(io, () => withStore(io.env, store => verifyAndReport(store, io)));
}

async function verifyAndReport(store: DecisionStore, io: CommandIO): Promise<number> {
	const report = await verifyStore(store);
	for (const warning of report.warnings) io.stderr.write(`vendor-risk: warning: ${sanitizeText(warning)}\n`);
	if (report.problems.length) {
		for (const problem of report.problems) io.stderr.write(`vendor-risk: ${sanitizeText(problem)}\n`);
		return exitCodes.finding;
	}
	const lines = [`chain intact: ${countOf(report.entries, 'entry', 'entries')}, head ${report.head}`];
	if (report.anchor) lines.push(`head anchor: seq ${report.anchor.seq} found in the chain (a deleted tail would show here)`);
	if (report.countersigns) lines.push(`countersigns: ${report.countersigns} checked, each by a second reviewer of a pending decision`);
	if (report.evidenceFiles) lines.push(`evidence: ${countOf(report.evidenceFiles, 'file')} present and unchanged`);
	if (report.restart) {
		const {previous, at} = report.restart;
		lines.push(
			`restarted ${at} after a break (${sanitizeText(previous.problem)}); the old log is kept in ${sanitizeText(previous.movedTo)}, it last read to seq ${previous.lastSeq}`,
		);
	}
	io.stdout.write(`${lines.join('\n')}\n`);
	return exitCodes.ok;
}

/** `vendor-risk log restart --note TEXT`: only for a log that fails verification; the old files are moved aside, not deleted. */
export async function runLogRestart(options: {note?: string}, io: CommandIO): Promise<number> {
	return reporting(io, () =>
		withStore(io.env, async store => {
			const {entry, problem} = await restartChain(store, options.note, {env: io.env});
			io.stdout.write(
				`started a new chain: entry #1 ${entry.hash.slice(0, 12)} records the break (${sanitizeText(problem)}); the old files are in ${join(store.location, entry.previous.movedTo)}\n`,
			);
			return exitCodes.ok;
		}),
	);
}

/**
 * `vendor-risk log push`: imports the local conf log (if there is one) into the shared
 * store, then sends the outbox. Run again, it sends nothing twice.
 */
export async function runLogPush(io: CommandIO): Promise<number> {
	return reporting(io, () =>
		withStore(io.env, async store => {
			const summary = await pushToSharedStore(store, io.env, line => io.stdout.write(`${line}\n`));
			const lines: string[] = [];
			if (summary.local) {
				const {local} = summary;
				lines.push(
					`local log ${sanitizeText(local.location)}: ${countOf(local.sent, 'entry', 'entries')} sent, ${local.alreadyThere} already in the shared log${local.refused.length ? `, ${local.refused.length} not sent` : ''}`,
				);
			}
			const {outbox} = summary;
			lines.push(
				`outbox: ${countOf(outbox.sent, 'entry', 'entries')} sent, ${outbox.alreadyThere} already in the shared log${outbox.refused.length ? `, ${outbox.refused.length} refused` : ''}; ${outbox.remaining} left`,
			);
			const status = store.status();
			lines.push(`shared log ${sanitizeText(status.location)}: ${countOf(status.entries, 'entry', 'entries')}`);
			io.stdout.write(`${lines.join('\n')}\n`);
			const refused = [...(summary.local?.refused ?? []), ...outbox.refused];
			for (const refusal of refused)
				io.stderr.write(
					`vendor-risk: not sent: ${refusal.entry.kind} ${refusal.entry.id} by ${sanitizeText(refusal.entry.reviewer)}: ${sanitizeText(refusal.reason)}\n`,
				);
			return refused.length ? exitCodes.finding : exitCodes.ok;
		}),
	);
}
