// The list CSV reader (papaparse, with csv-parse deciding any record it doubts) reads
// exactly what csv-parse alone reads: the same fields, the same line numbers, on real
// lists in any line ending and on generated rows full of quotes, commas and line breaks.
import {readFileSync} from 'node:fs';
import {parse} from 'csv-parse/sync';
import {stringify} from 'csv-stringify/sync';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {csvRecords, maxRecordSize, type CsvOptions, type CsvRecord} from '../../../source/sources/parsers/csv-records.js';
import {parseListFile} from '../../../source/sources/parsers/index.js';
import {fixture, scratchFiles} from './helpers.js';

async function readRecords(text: string, options: CsvOptions = {}): Promise<CsvRecord[]> {
	const input = {path: scratchFiles({'list.csv': text}), inputName: 'list.csv', encoding: 'utf-8' as const, warnings: []};
	const records: CsvRecord[] = [];
	for await (const record of csvRecords(input, 'test CSV', options)) records.push(record);
	return records;
}

/** csv-parse's reading of the whole text at once, every line ending a record end: the reference. */
function referenceRecords(text: string, options: CsvOptions = {}): CsvRecord[] {
	const read = parse(text, {
		info: true,
		relax_column_count: true,
		skip_empty_lines: true,
		relax_quotes: options.relaxQuotes ?? false,
		record_delimiter: ['\r\n', '\n', '\r'],
	}) as unknown as Array<{record: string[]; info: {lines: number}}>;
	return read.map(({record, info}) => ({fields: record, line: info.lines}));
}

const withLineEnding = (text: string, ending: string) => text.replace(/\r?\n/g, ending);

describe('real lists read as csv-parse reads them', () => {
	const files = [
		'csl-csv/consolidated_2022-05-16_sample.csv',
		'csl-csv/consolidated_2019_legacy_28col.csv',
		'opensanctions-targets-simple-csv/sa_wiki_peps_targets.simple.csv',
	];
	for (const file of files) {
		for (const [ending, name] of [
			['\n', 'LF'],
			['\r\n', 'CRLF'],
			['\r', 'CR'],
		] as const) {
			it(`${file}, ${name} line endings`, async () => {
				const lf = readFileSync(fixture(file), 'utf8').replace(/\r\n/g, '\n');
				const text = withLineEnding(lf, ending);
				const records = await readRecords(text);
				// A line break inside quotes is read as "\n", whatever the file's line ending.
				expect(records.map(record => record.fields)).toEqual(
					referenceRecords(text).map(({fields}) => fields.map(field => field.replace(/\r\n?/g, '\n'))),
				);
				// Lines counted as in the LF file: csv-parse counts a CRLF inside quotes as two.
				expect(records.map(record => record.line)).toEqual(referenceRecords(lf).map(record => record.line));
			});
		}
	}

	it("OFAC's SDN file, quotes inside fields allowed", async () => {
		const text = readFileSync(fixture('ofac-sdn-csv/static_slice_sdn.csv'), 'utf8');
		expect(await readRecords(text, {relaxQuotes: true})).toEqual(referenceRecords(text, {relaxQuotes: true}));
	});
});

describe('generated rows', () => {
	// Fields with the characters that make CSV hard, rows long enough to cross 64 KiB reads.
	const field = fc.oneof(
		fc.string({unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', 'é', '€'), maxLength: 12}),
		fc.string({unit: fc.constantFrom('x', ',', '"'), minLength: 2000, maxLength: 9000}),
	);
	const rows = fc.array(fc.array(field, {minLength: 1, maxLength: 5}), {minLength: 1, maxLength: 30});

	it('read back field for field, each record on the line csv-parse gives it, whatever the line endings', async () => {
		await fc.assert(
			fc.asyncProperty(rows, fc.constantFrom('\n', '\r\n', '\r'), async (written, ending) => {
				// Empty lines are skipped by both readers: a lone empty field is no record.
				const kept = written.filter(row => !(row.length === 1 && row[0] === ''));
				// Quoted when it holds a line break of any kind: csv-stringify quotes only its own record delimiter.
				const lf = stringify(written, {quoted_match: /\n/});
				const text = withLineEnding(lf, ending);
				const records = await readRecords(text);
				expect(records.map(record => record.fields)).toEqual(kept);
				expect(records.map(record => record.line)).toEqual(referenceRecords(lf).map(record => record.line));
			}),
			{numRuns: 60},
		);
	});
});

describe('what the reader adds to papaparse', () => {
	const header = '"_id","source","entity_number","type","programs","name"';

	it('a CRLF cut in two by a 64 KiB read is one line ending', async () => {
		// The first read ends on the "\r" of a row's CRLF.
		const row = (id: string, name: string) => `"${id}","Entity List","","Entity","","${name}"\r\n`;
		let text = `${header}\r\n`;
		while (text.length + 2 * row('a1', 'x'.repeat(200)).length < 64 * 1024) text += row('a1', 'x'.repeat(200));
		text += row('a2', 'y'.repeat(64 * 1024 - 1 - text.length - row('a2', '').length + 2));
		text += row('a3', 'ACME');
		expect(text.indexOf('\r\n"a3"')).toBe(64 * 1024 - 1);
		const records = await readRecords(text);
		expect(records.map(record => record.line)).toEqual(referenceRecords(text).map(record => record.line));
		expect(records.at(-1)).toEqual({fields: ['a3', 'Entity List', '', 'Entity', '', 'ACME'], line: records.length});
		expect(records.every(record => record.fields.length === 6)).toBe(true);
	});

	it('a doubled quote inside a quoted name is one quote', async () => {
		const path = scratchFiles({'targets.simple.csv': `${simpleHeader}\n${simpleRow('"OOO ""ROSTEC"" HOLDING"')}\n`});
		expect((await parseListFile(path)).entities[0]!.name).toBe('OOO "ROSTEC" HOLDING');
	});

	it('a quote never closed names the line it opened on, not the end of the file', async () => {
		const rows = Array.from({length: 5}, (_, index) => simpleRow(`"ACME ${index}"`)).join('\n');
		// Nothing after it has a quote to close it with.
		const unquoted = Array.from({length: 5}, (_, index) => `e${index + 3},Company,ACME ${index},,,ru,,,,,,Test,,,`).join('\n');
		const path = scratchFiles({'targets.simple.csv': `${simpleHeader}\n${rows}\n"e2","Company","never closed\n${unquoted}\n`});
		await expect(parseListFile(path)).rejects.toThrow(/targets\.simple\.csv: a quoted field is never closed \(line 7\)/);
	});

	it('a quote never closed is stopped at 1 MiB, naming the line it opened on', async () => {
		const rows = Array.from({length: 5}, (_, index) => simpleRow(`"ACME ${index}"`)).join('\n');
		// Line 7 opens a quote that nothing closes: the rest of the file would be one field.
		const path = scratchFiles({
			'targets.simple.csv': `${simpleHeader}\n${rows}\n"e2","Company","never closed,${'x, \n'.repeat(maxRecordSize / 4)}`,
		});
		await expect(parseListFile(path)).rejects.toThrow(
			/targets\.simple\.csv: a OpenSanctions targets\.simple\.csv record \(line 7\) is over 1 MiB/,
		);
	});
});

const simpleHeader =
	'"id","schema","name","aliases","birth_date","countries","addresses","identifiers","sanctions","phones","emails","dataset","first_seen","last_seen","last_change"';
const simpleRow = (name: string) => `"e1","Company",${name},"","","ru","","","","","","Test","","",""`;
