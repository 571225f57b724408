// Streams CSV records from a list file with csv-parse, translating errors into
// one-line ListFormatErrors that say which line is broken.
import {parse, type Options} from 'csv-parse';
import {Transform, type Readable} from 'node:stream';
import {ListFormatError, firstLineOf} from './list-format-error.js';
import {textStream, type ListInput} from './text-input.js';

export type CsvRecord = {fields: string[]; line: number};

/** No real list row comes near this (CSL rows are a few KiB); a bigger one is damage or hostility, not data. */
export const maxRecordSize = 1024 * 1024;

/** Yields each record with the line it ended on; `transformText` may edit decoded text first. */
export async function* csvRecords(input: ListInput, formatLabel: string, options: Options = {}, transformText?: (text: string) => string): AsyncGenerator<CsvRecord> {
	let source: Readable = textStream(input);
	if (transformText) {
		source = source.pipe(new Transform({objectMode: true, transform: (chunk: string, _encoding, done) => done(null, transformText(chunk))}));
	}
	const parser = source.pipe(parse({max_record_size: maxRecordSize, ...options, info: true, relax_column_count: true, skip_empty_lines: true}));
	// pipe() does not forward errors from the source; a read error must still end the loop.
	source.on('error', error => parser.destroy(error));
	try {
		for await (const {record, info} of parser as AsyncIterable<{record: string[]; info: {lines: number}}>) {
			yield {fields: record, line: info.lines};
		}
	} catch (error) {
		throw csvError(error, input.inputName, formatLabel);
	}
}

/** The records in batches, so the parsers build entities in tight loops between awaits. */
export async function* csvRecordBatches(input: ListInput, formatLabel: string): AsyncGenerator<CsvRecord[]> {
	let batch: CsvRecord[] = [];
	for await (const record of csvRecords(input, formatLabel)) {
		batch.push(record);
		if (batch.length >= batchSize) {
			yield batch;
			batch = [];
		}
	}
	if (batch.length > 0) yield batch;
}

const batchSize = 1000;

function csvError(error: unknown, inputName: string, formatLabel: string): ListFormatError {
	if (error instanceof ListFormatError) return error;
	const {code, lines} = error as {code?: string; lines?: number};
	const where = typeof lines === 'number' ? ` (line ${lines})` : '';
	switch (code) {
		case 'CSV_QUOTE_NOT_CLOSED':
			return new ListFormatError(`${inputName}: a quoted field is never closed${where}, so the quotes are unbalanced; the file is damaged or truncated, download it again`);
		case 'CSV_INVALID_CLOSING_QUOTE':
		case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
		case 'CSV_INVALID_OPENING_QUOTE':
		case 'INVALID_OPENING_QUOTE': // csv-parse 6 spells it without the prefix
			return new ListFormatError(`${inputName}: a misplaced quote${where} breaks the ${formatLabel} layout; the file is damaged, download it again`);
		case 'CSV_MAX_RECORD_SIZE':
			return new ListFormatError(`${inputName}: a ${formatLabel} record${where} is over 1 MiB, far larger than any real entry (often a stray quote swallowing the rest of the file); the file is damaged, download it again`);
		default:
			return new ListFormatError(`${inputName}: cannot read as ${formatLabel} (${firstLineOf(error)}); check the file or pass --format`);
	}
}
