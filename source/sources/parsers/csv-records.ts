// Streams CSV records from a list file with csv-parse, translating errors into
// one-line ListFormatErrors that say which line is broken.
import {Parser, type Options} from 'csv-parse';
import {Transform, type Readable, type TransformCallback} from 'node:stream';
import {ListFormatError, firstLineOf} from './list-format-error.js';
import {textStream, utf8ByteStream, type ListInput} from './text-input.js';

export type CsvRecord = {fields: string[]; line: number};

/** No real list row comes near this (CSL rows are a few KiB); a bigger one is damage or hostility, not data. */
export const maxRecordSize = 1024 * 1024;

/**
 * Every line ending ends a record, in any mix: csv-parse would otherwise take the first line's
 * ending for the whole file, and a CRLF header over LF rows would run every row into one.
 * (Inside quotes a line break stays part of the field.)
 */
export const anyLineEnding = ['\r\n', '\n', '\r'];

/**
 * csv-parse's stream, handing on each chunk's records as one batch, each with the line
 * it ended on. csv-parse pushes a record the moment it ends, while `info.lines` is that
 * record's line: reading it there costs nothing, where the `info` option copies the whole
 * info object twice per record (which nearly doubled csv-parse's own time).
 */
class RecordBatchParser extends Parser {
	#batch: CsvRecord[] = [];

	override push(record: unknown): boolean {
		if (record === null) {
			this.#handOn();
			return super.push(null);
		}
		this.#batch.push({fields: record as string[], line: this.info.lines});
		return true;
	}

	override _transform(chunk: unknown, encoding: BufferEncoding, callback: TransformCallback): void {
		super._transform(chunk, encoding, (error?: Error | null) => {
			this.#handOn();
			callback(error);
		});
	}

	override _flush(callback: TransformCallback): void {
		super._flush((error?: Error | null) => {
			this.#handOn();
			callback(error);
		});
	}

	#handOn(): void {
		if (this.#batch.length === 0) return;
		const batch = this.#batch;
		this.#batch = [];
		super.push(batch);
	}
}

/**
 * The records in batches (one per read chunk), so the parsers build entities in tight
 * loops between awaits; `transformText` may edit decoded text first.
 */
export async function* csvRecordBatches(
	input: ListInput,
	formatLabel: string,
	options: Options = {},
	transformText?: (text: string) => string,
): AsyncGenerator<CsvRecord[]> {
	// UTF-8 bytes go to csv-parse as they are (it drops the BOM); other encodings and edited text are decoded first.
	const bytes = input.encoding === 'utf-8' && transformText === undefined;
	let source: Readable = bytes ? utf8ByteStream(input) : textStream(input);
	if (transformText) {
		source = source.pipe(
			new Transform({objectMode: true, transform: (chunk: string, _encoding, done) => done(null, transformText(chunk))}),
		);
	}
	const parser = source.pipe(
		new RecordBatchParser({
			max_record_size: maxRecordSize,
			record_delimiter: anyLineEnding,
			...options,
			bom: bytes,
			relax_column_count: true,
			skip_empty_lines: true,
		}),
	);
	// pipe() does not forward errors from the source; a read error must still end the loop.
	source.on('error', error => parser.destroy(error));
	try {
		for await (const batch of parser as AsyncIterable<CsvRecord[]>) yield batch;
	} catch (error) {
		throw csvError(error, input.inputName, formatLabel);
	}
}

/** Each record with the line it ended on. */
export async function* csvRecords(
	input: ListInput,
	formatLabel: string,
	options: Options = {},
	transformText?: (text: string) => string,
): AsyncGenerator<CsvRecord> {
	for await (const batch of csvRecordBatches(input, formatLabel, options, transformText)) yield* batch;
}

function csvError(error: unknown, inputName: string, formatLabel: string): ListFormatError {
	if (error instanceof ListFormatError) return error;
	const {code, lines} = error as {code?: string; lines?: number};
	const where = typeof lines === 'number' ? ` (line ${lines})` : '';
	switch (code) {
		case 'CSV_QUOTE_NOT_CLOSED':
			return new ListFormatError(
				`${inputName}: a quoted field is never closed${where}, so the quotes are unbalanced; the file is damaged or truncated, download it again`,
			);
		case 'CSV_INVALID_CLOSING_QUOTE':
		case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
		case 'CSV_INVALID_OPENING_QUOTE':
		case 'INVALID_OPENING_QUOTE': // csv-parse 6 spells it without the prefix
			return new ListFormatError(
				`${inputName}: a misplaced quote${where} breaks the ${formatLabel} layout; the file is damaged, download it again`,
			);
		case 'CSV_MAX_RECORD_SIZE':
			return new ListFormatError(
				`${inputName}: a ${formatLabel} record${where} is over 1 MiB, far larger than any real entry (often a stray quote swallowing the rest of the file); the file is damaged, download it again`,
			);
		default:
			return new ListFormatError(`${inputName}: cannot read as ${formatLabel} (${firstLineOf(error)}); check the file or pass --format`);
	}
}
