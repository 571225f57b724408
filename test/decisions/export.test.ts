import {parse} from 'csv-parse/sync';
import {stringify} from 'csv-stringify/sync';
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {
	csvColumns,
	entryFromRow,
	exportInPieces,
	exportLog,
	exportWithManifest,
	restoreCell,
	verifyChain,
	type CsvColumn,
	type LogEntry,
} from '../../source/decisions/index.js';
import {inertJson} from '../../source/text/index.js';
import {chainOf, decisionDraft, mixedDrafts} from './helpers.js';

const now = new Date('2025-07-01T12:00:00.000Z');
const parseCsv = (text: string): string[][] => parse(text, {comment: '#', comment_no_infix: true, relax_column_count: false}) as string[][];
const rowsOf = (records: string[][]) => {
	const [header, ...rows] = records;
	expect(header).toEqual([...csvColumns]);
	return rows.map(
		cells => Object.fromEntries(csvColumns.map((column, index) => [column, restoreCell(cells[index]!)])) as Record<CsvColumn, string>,
	);
};
const poisons = ['=HYPERLINK("http://x")', '+1', '-1', '@SUM(A1:A2)', '\tx', '\rx', "'already quoted", '=1+1\n=2'];

describe('CSV export', () => {
	test('the first line is the header and nothing comes before it; the manifest travels apart', () => {
		const entries = chainOf(mixedDrafts());
		const {text, manifest} = exportWithManifest(entries, {format: 'csv', now, retentionYears: 7});
		expect(text.split('\r\n')[0]).toBe(csvColumns.join(','));
		expect(manifest).toMatchObject({
			exportedAt: '2025-07-01T12:00:00.000Z',
			entryCount: 5,
			chainLength: 5,
			chainHead: entries[4]!.hash,
			retentionYears: 7,
			evidence: [],
		});
	});

	test('every field of every entry survives a round trip through csv-parse', () => {
		const entries = chainOf(mixedDrafts());
		const back = rowsOf(parseCsv(exportLog(entries, {format: 'csv', now}))).map(entryFromRow);
		expect(back).toEqual(entries);
		expect(verifyChain(back)).toMatchObject({ok: true, count: 5});
	});

	test('no cell starts with a live formula character, and the guard comes off exactly', () => {
		const entries = chainOf(
			poisons.map((rationale, index) =>
				decisionDraft({rationale, vendorId: `v${index}`, reviewer: poisons[(index + 1) % poisons.length]!}),
			),
		);
		const records = parseCsv(exportLog(entries, {format: 'csv', now}));
		for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
		expect(rowsOf(records).map(row => row.rationale)).toEqual(poisons);
		expect(rowsOf(records).map(entryFromRow)).toEqual(entries);
	});

	test('arbitrary text survives the round trip once the added quote is removed (property)', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary'}), fc.string({unit: 'grapheme'}), (rationale, reviewer) => {
				const [entry] = chainOf([decisionDraft({rationale, reviewer})]);
				const [row] = rowsOf(parseCsv(exportLog([entry!], {format: 'csv', now})));
				return row!.rationale === rationale && row!.reviewer === reviewer;
			}),
			{numRuns: 300},
		);
	});
});

describe('JSON, JSONL and Markdown exports', () => {
	test('JSON is one object with the manifest and the entries', () => {
		const entries = chainOf(mixedDrafts());
		const document = JSON.parse(exportLog(entries, {format: 'json', now})) as {manifest: Record<string, unknown>; entries: LogEntry[]};
		expect(document.manifest).toMatchObject({exportedAt: now.toISOString(), entryCount: 5, chainLength: 5, chainHead: entries[4]!.hash});
		expect(document.entries).toEqual(entries);
	});

	test('JSONL starts with a manifest line, then one entry per line', () => {
		const entries = chainOf(mixedDrafts());
		const lines = exportLog(entries, {format: 'jsonl', now})
			.trimEnd()
			.split('\n')
			.map(line => JSON.parse(line) as Record<string, unknown>);
		expect(lines[0]).toEqual({
			manifest: expect.objectContaining({entryCount: 5, chainHead: entries[4]!.hash, exportedAt: now.toISOString()}),
		});
		expect(lines.slice(1)).toEqual(entries);
	});

	test('Markdown is a report grouped by outcome, with revocations and dispositions apart and pipes escaped', () => {
		const entries = chainOf([
			...mixedDrafts(),
			decisionDraft({vendorId: 'pipe-co', outcome: 'reject', rationale: 'Listed | twice\nsee <b>note</b>'}),
		]);
		const markdown = exportLog(entries, {format: 'md', now});
		expect(markdown).toContain(`- Chain head: \`${entries.at(-1)!.hash}\``);
		const headings = markdown.split('\n').filter(line => line.startsWith('## '));
		expect(headings).toEqual([
			'## Outcome: approve (1)',
			'## Outcome: approve-with-conditions (1)',
			'## Outcome: reject (2)',
			'## Revocations (1)',
			'## Screening-hit dispositions (1)',
		]);
		const pipeRow = markdown.split('\n').find(line => line.includes('pipe-co'))!;
		expect(pipeRow).toContain('Listed \\| twice<br>see &lt;b&gt;note&lt;/b&gt;');
		// Every row has as many cells as its header: no pipe from the data split a cell.
		const cellCount = (line: string) => line.replace(/\\\|/g, '').split('|').length;
		const rejectHeader = markdown.split('\n').find(line => line.startsWith('| Seq | At (UTC) | Vendor | Reason'))!;
		expect(cellCount(pipeRow)).toBe(cellCount(rejectHeader));
	});
});

describe('choosing entries', () => {
	const entries = chainOf(mixedDrafts(), Date.UTC(2025, 0, 1));

	test('--since keeps entries written at or after the day or moment given', () => {
		const later = chainOf(mixedDrafts(), Date.UTC(2025, 0, 1, 23, 58));
		const count = (since: string, list = later) =>
			(JSON.parse(exportLog(list, {format: 'json', since, now})) as {manifest: {entryCount: number}}).manifest.entryCount;
		expect(count('2025-01-02')).toBe(3);
		expect(count('2025-01-01T23:59:00Z')).toBe(4);
		expect(() => exportLog(entries, {format: 'json', since: 'yesterday'})).toThrow(/bad --since/);
	});

	test('--filter matches vendor:, outcome:, reason:, kind: and free text, all terms together', () => {
		const seqs = (filter: string) =>
			(JSON.parse(exportLog(entries, {format: 'json', filter, now})) as {entries: LogEntry[]}).entries.map(entry => entry.seq);
		expect(seqs('vendor:kaspersky')).toEqual([1, 3]);
		expect(seqs('outcome:approve')).toEqual([5]);
		expect(seqs('reason:accepted-risk')).toEqual([2]);
		expect(seqs('kind:disposition')).toEqual([4]);
		expect(seqs('legacy')).toEqual([2]);
		expect(seqs('vendor:acme kind:decision')).toEqual([5]);
	});

	test('the manifest keeps the whole chain head while counting only what was exported', () => {
		const document = JSON.parse(exportLog(entries, {format: 'json', filter: 'vendor:huawei', now})) as {manifest: Record<string, unknown>};
		expect(document.manifest).toMatchObject({entryCount: 1, chainLength: 5, chainHead: entries[4]!.hash, filter: 'vendor:huawei'});
	});
});

describe('exports written entry by entry', () => {
	// A few hundred entries of every kind, with text that needs quoting and escaping.
	const entries = chainOf(
		Array.from({length: 60}, (_, round) =>
			mixedDrafts().map((draft, index) =>
				draft.kind === 'decision'
					? {...draft, vendorId: `${draft.vendorId}-${round}`, rationale: `${poisons[(round + index) % poisons.length]}, "q"`}
					: draft,
			),
		).flat(),
	);
	const piecesOf = (format: 'csv' | 'json' | 'jsonl') => [...exportInPieces(entries, {format, now}).pieces];

	test('JSON comes a piece per entry, and the pieces are the bytes of the whole document made at once', () => {
		const pieces = piecesOf('json');
		const {manifest} = exportInPieces(entries, {format: 'json', now});
		expect(pieces.length).toBe(entries.length + 1);
		expect(pieces.join('')).toBe(`${inertJson({manifest, entries}, 2)}\n`);
	});

	test('CSV comes as the header, then a piece per entry, and the pieces are the bytes of the whole table made at once', () => {
		const pieces = piecesOf('csv');
		expect(pieces.length).toBe(entries.length + 1);
		const whole = stringify(parseCsv(pieces.join('')).slice(1), {
			header: true,
			columns: [...csvColumns],
			record_delimiter: '\r\n',
			quoted_match: /[\r\n#]/,
		});
		expect(pieces.join('')).toBe(whole);
		expect(rowsOf(parseCsv(pieces.join(''))).map(entryFromRow)).toEqual(entries);
	});

	test('JSONL comes a line a piece, the manifest first', () => {
		const pieces = piecesOf('jsonl');
		expect(pieces.length).toBe(entries.length + 1);
		expect(pieces.every(piece => piece.endsWith('\n') && !piece.slice(0, -1).includes('\n'))).toBe(true);
	});
});
