// Exports of the decision log for auditors and spreadsheets: one row per entry,
// every field, and a manifest (export time, entry count, chain head, filter,
// retention, evidence) that ties the export to the log it came from. CSV is plain
// RFC 4180, header first; its manifest travels beside it. Only entry fields and
// the retention period are exported, nothing else from settings or the environment.
import {stringify} from 'csv-stringify/sync';
import {dayStartMs} from '../dates/index.js';
import {loadEmbeddedRecords, longestRetention} from '../records/index.js';
import {UserInputError} from '../errors/index.js';
import {displayText, inertJson, jsonDocument, jsonLines} from '../text/index.js';
import {canonicalJson} from './canonical.js';
import {genesisHash, outcomes, type EvidenceRef, type LogEntry, type SourceVersion} from './model.js';
import {evidenceOf} from './verify.js';

export const exportFormats = ['csv', 'json', 'jsonl', 'md'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export type ExportOptions = {
	format: ExportFormat;
	/** YYYY-MM-DD or an ISO timestamp: only entries written at or after it. */
	since?: string;
	/** Space-separated terms, all of which must match: vendor:ID, outcome:X, reason:X, kind:X, or free text. */
	filter?: string;
	/** The export time written to the manifest. */
	now?: Date;
	/** Years the log must be kept (config retentionYears), stated in the manifest. */
	retentionYears?: number;
};

/** Unset in the config, the log is kept as long as the longest record-keeping period in the records (OFAC: 10 years). */
export const defaultRetentionYears = longestRetention({recordKeeping: loadEmbeddedRecords().recordKeeping ?? []})?.retentionYears ?? 10;

export type ExportManifest = {
	tool: 'vendor-risk';
	export: 'decision-log';
	formatVersion: 2;
	exportedAt: string;
	/** Entries in this export (after since/filter). */
	entryCount: number;
	/** Entries in the whole log, and the hash of its newest entry: compare with `vendor-risk log verify`. */
	chainLength: number;
	chainHead: string;
	since: string | null;
	filter: string | null;
	/** The log is never pruned; this is how long the organisation must keep it. */
	retentionYears: number;
	/** The evidence files the exported entries attach, each once. */
	evidence: EvidenceRef[];
};

/** The CSV columns, in order; nested fields are flattened, the source list is a JSON cell. */
export const csvColumns = [
	'seq',
	'id',
	'kind',
	'at',
	'reviewer',
	'vendorId',
	'outcome',
	'reason',
	'rationale',
	'reviewBy',
	'vendorFingerprint',
	'sources',
	'revokes',
	'revokesSeq',
	'disposition',
	'hitEntryId',
	'hitEntryContentHash',
	'signoff',
	'countersigns',
	'countersignsSeq',
	'evidence',
	'previous',
	'prevHash',
	'hash',
] as const;
export type CsvColumn = (typeof csvColumns)[number];

/** `entries` is the whole log, oldest first: the manifest's chain head is its last hash, whatever is filtered out. */
export function exportLog(entries: readonly LogEntry[], options: ExportOptions): string {
	return exportWithManifest(entries, options).text;
}

/** The export and its manifest; the CSV carries none inside it, so the manifest goes beside it (or to stderr). */
export function exportWithManifest(entries: readonly LogEntry[], options: ExportOptions): {text: string; manifest: ExportManifest} {
	const {pieces, manifest} = exportInPieces(entries, options);
	return {text: [...pieces].join(''), manifest};
}

/**
 * The export as pieces to write one after another, a piece per entry (the Markdown report, a
 * summary by kind, is one piece), and its manifest, known before the first piece is written.
 */
export function exportInPieces(entries: readonly LogEntry[], options: ExportOptions): {pieces: Iterable<string>; manifest: ExportManifest} {
	const selected = selectEntries(entries, options);
	const manifest: ExportManifest = {
		tool: 'vendor-risk',
		export: 'decision-log',
		formatVersion: 2,
		exportedAt: (options.now ?? new Date()).toISOString(),
		entryCount: selected.length,
		chainLength: entries.length,
		chainHead: entries.at(-1)?.hash ?? genesisHash,
		since: options.since ?? null,
		filter: options.filter ?? null,
		retentionYears: options.retentionYears ?? defaultRetentionYears,
		evidence: evidenceOf(selected),
	};
	return {pieces: render(selected, manifest, options.format), manifest};
}

function render(selected: readonly LogEntry[], manifest: ExportManifest, format: ExportFormat): Iterable<string> {
	switch (format) {
		case 'csv':
			return csvPieces(selected);
		case 'json':
			return jsonDocument({manifest}, 'entries', selected);
		case 'jsonl':
			return jsonLines([{manifest}, ...selected]);
		case 'md':
			return [toMarkdown(selected, manifest)];
		default:
			throw new UserInputError(`unknown export format "${String(format)}"; expected one of: ${exportFormats.join(', ')}`);
	}
}

export function selectEntries(entries: readonly LogEntry[], options: Pick<ExportOptions, 'since' | 'filter'>): LogEntry[] {
	const since = options.since === undefined ? null : parseSince(options.since);
	const matches = options.filter ? compileFilter(options.filter) : () => true;
	return entries.filter(entry => (since === null || Date.parse(entry.at) >= since) && matches(entry));
}

/** Milliseconds since the epoch for YYYY-MM-DD (UTC midnight) or an ISO timestamp with a zone. */
export function parseSince(since: string): number {
	const value = /^\d{4}-\d{2}-\d{2}$/.test(since)
		? (dayStartMs(since) ?? Number.NaN)
		: /^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:\d{2})$/.test(since)
			? Date.parse(since)
			: Number.NaN;
	if (Number.isNaN(value))
		throw new UserInputError(`bad --since "${since}"; expected YYYY-MM-DD or an ISO timestamp such as 2025-01-31T12:00:00Z`);
	return value;
}

function compileFilter(filter: string): (entry: LogEntry) => boolean {
	const tests = filter
		.trim()
		.split(/\s+/)
		.filter(Boolean)
		.map(term => {
			const field = /^(vendor|outcome|reason|kind|reviewer):(.+)$/.exec(term);
			if (field) {
				const [, name, wanted] = field as unknown as [string, 'vendor' | 'outcome' | 'reason' | 'kind' | 'reviewer', string];
				const member = name === 'vendor' ? 'vendorId' : name;
				return (entry: LogEntry) => String((entry as Record<string, unknown>)[member] ?? '').toLowerCase() === wanted.toLowerCase();
			}
			const needle = term.toLowerCase();
			return (entry: LogEntry) => canonicalJson(entry).toLowerCase().includes(needle);
		});
	return entry => tests.every(test => test(entry));
}

/** One flat row of strings per entry; '' where the entry has no such field (no stored field is ever ''). */
export function entryRow(entry: LogEntry): Record<CsvColumn, string> {
	const row = Object.fromEntries(csvColumns.map(column => [column, ''])) as Record<CsvColumn, string>;
	row.seq = String(entry.seq);
	row.id = entry.id;
	row.kind = entry.kind;
	row.at = entry.at;
	row.reviewer = entry.reviewer;
	row.vendorId = entry.kind === 'restart' ? '' : entry.vendorId;
	row.rationale = entry.rationale ?? '';
	row.prevHash = entry.prevHash;
	row.hash = entry.hash;
	if (entry.kind === 'decision') {
		row.outcome = entry.outcome;
		row.reason = entry.reason;
		row.reviewBy = entry.reviewBy ?? '';
		row.vendorFingerprint = entry.basis.vendorFingerprint;
		row.sources = inertJson(entry.basis.sources);
		row.signoff = entry.signoff ?? '';
		row.evidence = entry.evidence ? inertJson(entry.evidence) : '';
	} else if (entry.kind === 'revocation') {
		row.revokes = entry.revokes;
		row.revokesSeq = String(entry.revokesSeq);
	} else if (entry.kind === 'countersign') {
		row.countersigns = entry.countersigns;
		row.countersignsSeq = String(entry.countersignsSeq);
		row.vendorFingerprint = entry.vendorFingerprint;
	} else if (entry.kind === 'restart') {
		row.previous = JSON.stringify(entry.previous);
	} else {
		row.disposition = entry.disposition;
		row.vendorFingerprint = entry.hit.vendorFingerprint;
		row.hitEntryId = entry.hit.entryId;
		row.hitEntryContentHash = entry.hit.entryContentHash;
	}
	return row;
}

/** The inverse of entryRow (after undoing the formula guard): proves a CSV export carries every field. */
export function entryFromRow(row: Record<CsvColumn, string>): LogEntry {
	const common = {
		seq: Number(row.seq),
		id: row.id,
		at: row.at,
		reviewer: row.reviewer,
		vendorId: row.vendorId,
		prevHash: row.prevHash,
		hash: row.hash,
	};
	if (row.kind === 'decision') {
		return {
			...common,
			kind: 'decision',
			outcome: row.outcome,
			reason: row.reason,
			rationale: row.rationale || null,
			reviewBy: row.reviewBy || null,
			basis: {vendorFingerprint: row.vendorFingerprint, sources: JSON.parse(row.sources) as SourceVersion[]},
			...(row.signoff ? {signoff: row.signoff} : {}),
			...(row.evidence ? {evidence: JSON.parse(row.evidence) as EvidenceRef[]} : {}),
		} as LogEntry;
	}
	if (row.kind === 'restart') {
		const {vendorId: _none, ...rest} = common;
		return {...rest, kind: 'restart', rationale: row.rationale, previous: JSON.parse(row.previous) as unknown} as LogEntry;
	}
	if (row.kind === 'countersign') {
		return {
			...common,
			kind: 'countersign',
			countersigns: row.countersigns,
			countersignsSeq: Number(row.countersignsSeq),
			vendorFingerprint: row.vendorFingerprint,
			rationale: row.rationale || null,
		} as LogEntry;
	}
	if (row.kind === 'revocation') {
		return {
			...common,
			kind: 'revocation',
			revokes: row.revokes,
			revokesSeq: Number(row.revokesSeq),
			rationale: row.rationale || null,
		} as LogEntry;
	}
	return {
		...common,
		kind: 'disposition',
		disposition: row.disposition,
		hit: {vendorFingerprint: row.vendorFingerprint, entryId: row.hitEntryId, entryContentHash: row.hitEntryContentHash},
		rationale: row.rationale,
	} as LogEntry;
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or tab/CR before them) as a
 * formula; a leading ' makes it text. Cells that already start with ' get one too,
 * so "drop one leading '" undoes the guard exactly.
 */
export function neutraliseCell(value: string): string {
	return /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
	return value.startsWith("'") ? value.slice(1) : value;
}

const csvOptions = {
	columns: [...csvColumns],
	record_delimiter: '\r\n',
	// RFC 4180 quotes fields with CR or LF; csv-stringify only looks for the record delimiter as a whole. '#' is
	// quoted so no data line can look like a comment to a parser that allows comments.
	quoted_match: /[\r\n#]/,
};

/** RFC 4180: the header is the first line and nothing comes before it (the manifest travels beside the file); then a line per entry. */
function* csvPieces(entries: readonly LogEntry[]): Generator<string> {
	yield stringify([], {...csvOptions, header: true});
	for (const entry of entries) {
		const row = entryRow(entry);
		yield stringify([csvColumns.map(column => neutraliseCell(row[column]))], csvOptions);
	}
}

function toMarkdown(entries: readonly LogEntry[], manifest: ExportManifest): string {
	const lines: string[] = [
		'# Decision log export',
		'',
		`- Exported at: ${manifest.exportedAt}`,
		`- Entries: ${manifest.entryCount} of ${manifest.chainLength} in the log`,
		`- Chain head: \`${manifest.chainHead}\``,
	];
	if (manifest.since) lines.push(`- Since: ${markdownCell(manifest.since)}`);
	if (manifest.filter) lines.push(`- Filter: ${markdownCell(manifest.filter)}`);
	lines.push(`- Retention: ${manifest.retentionYears} years (the log is never pruned)`);
	const ofKind = <Kind extends LogEntry['kind']>(kind: Kind) =>
		entries.filter((entry): entry is Extract<LogEntry, {kind: Kind}> => entry.kind === kind);
	const table = (title: string, header: string[], rows: string[][]) => {
		if (rows.length === 0) return;
		lines.push('', `## ${title} (${rows.length})`, '', `| ${header.join(' | ')} |`, `|${header.map(() => ' --- |').join('')}`);
		for (const row of rows) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
	};
	for (const outcome of outcomes) {
		const decisions = entries.filter(entry => entry.kind === 'decision' && entry.outcome === outcome);
		table(
			`Outcome: ${outcome}`,
			[
				'Seq',
				'At (UTC)',
				'Vendor',
				'Reason',
				'Reviewer',
				'Re-review by',
				'Rationale',
				'Sign-off',
				'Evidence',
				'Record fingerprint',
				'Sources',
				'Id',
				'Prev hash',
				'Hash',
			],
			decisions.map(entry => {
				if (entry.kind !== 'decision') return [];
				const sources = entry.basis.sources.map(source => `${source.sourceId} @ ${source.fetchedAt} (${source.contentHash})`).join('; ');
				return [
					String(entry.seq),
					entry.at,
					entry.vendorId,
					entry.reason,
					entry.reviewer,
					entry.reviewBy ?? '',
					entry.rationale ?? '',
					entry.signoff ?? '',
					(entry.evidence ?? []).map(ref => `${ref.name} (${ref.size} bytes, sha256 ${ref.sha256})`).join('; '),
					entry.basis.vendorFingerprint,
					sources,
					entry.id,
					entry.prevHash,
					entry.hash,
				];
			}),
		);
	}
	table(
		'Revocations',
		['Seq', 'At (UTC)', 'Vendor', 'Revokes seq', 'Revokes id', 'Reviewer', 'Rationale', 'Id', 'Prev hash', 'Hash'],
		ofKind('revocation').map(entry => [
			String(entry.seq),
			entry.at,
			entry.vendorId,
			String(entry.revokesSeq),
			entry.revokes,
			entry.reviewer,
			entry.rationale ?? '',
			entry.id,
			entry.prevHash,
			entry.hash,
		]),
	);
	table(
		'Screening-hit dispositions',
		[
			'Seq',
			'At (UTC)',
			'Vendor',
			'Disposition',
			'List entry',
			'List entry hash',
			'Record fingerprint',
			'Reviewer',
			'Rationale',
			'Id',
			'Prev hash',
			'Hash',
		],
		ofKind('disposition').map(entry => [
			String(entry.seq),
			entry.at,
			entry.vendorId,
			entry.disposition,
			entry.hit.entryId,
			entry.hit.entryContentHash,
			entry.hit.vendorFingerprint,
			entry.reviewer,
			entry.rationale,
			entry.id,
			entry.prevHash,
			entry.hash,
		]),
	);
	table(
		'Countersigns',
		['Seq', 'At (UTC)', 'Vendor', 'Countersigns seq', 'Countersigns id', 'Reviewer', 'Rationale', 'Id', 'Prev hash', 'Hash'],
		ofKind('countersign').map(entry => [
			String(entry.seq),
			entry.at,
			entry.vendorId,
			String(entry.countersignsSeq),
			entry.countersigns,
			entry.reviewer,
			entry.rationale ?? '',
			entry.id,
			entry.prevHash,
			entry.hash,
		]),
	);
	table(
		'Chain restarts',
		['Seq', 'At (UTC)', 'Reviewer', 'Rationale', 'Problem found', 'Last readable seq', 'Anchored seq', 'Old files in', 'Id', 'Hash'],
		ofKind('restart').map(entry => [
			String(entry.seq),
			entry.at,
			entry.reviewer,
			entry.rationale,
			entry.previous.problem,
			String(entry.previous.lastSeq),
			entry.previous.anchorSeq === null ? '' : String(entry.previous.anchorSeq),
			entry.previous.movedTo,
			entry.id,
			entry.hash,
		]),
	);
	table(
		'Evidence',
		['Name', 'Size (bytes)', 'SHA-256'],
		manifest.evidence.map(ref => [ref.name, String(ref.size), ref.sha256]),
	);
	if (entries.length === 0) lines.push('', '_No entries._');
	return `${lines.join('\n')}\n`;
}

/** Table-safe, inert text: control characters made visible, Markdown/HTML syntax escaped, pipes and newlines kept inside the cell. */
export function markdownCell(value: string): string {
	return displayText(value, {keepLayout: true})
		.replace(/[\\`*_[\]#|]/g, character => `\\${character}`)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\t/g, ' ')
		.replace(/\r?\n/g, '<br>');
}
