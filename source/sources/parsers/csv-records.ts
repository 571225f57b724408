// Streams CSV records from a list file, each with the line it ended on, translating
// errors into one-line ListFormatErrors that say which line is broken.
//
// papaparse reads the records: on the full CSL it takes a fifth of csv-parse's
// time (issue 20). It is lenient where a list file must not be: a quote inside an
// unquoted field is text to it, and a stray quote is an error it reports and reads
// past. So a record it reports an error in, or with a quote in a field, is read
// again by csv-parse, strictly, and its verdict stands: every file reads as
// csv-parse alone read it. Both such records are rare in real lists.
import {parse as parseStrictly, type Options as StrictOptions} from 'csv-parse/sync';
import Papa from 'papaparse';
import {detach} from './entity-fields.js';
import {ListFormatError, firstLineOf} from './list-format-error.js';
import {textStream, type ListInput} from './text-input.js';

export type CsvRecord = {fields: string[]; line: number};

/** How strictly quotes are read: OFAC's files carry quotes inside fields (`relaxQuotes`). */
export type CsvOptions = {relaxQuotes?: boolean};

/** No real list row comes near this (CSL rows are a few KiB); a bigger one is damage or hostility, not data. */
export const maxRecordSize = 1024 * 1024;

/** The error for each way a record can be broken, worded for the file being read; `line` is where it is, when known. */
export type CsvProblems = {
	unclosedQuote: (line: number | null) => Error;
	misplacedQuote: (line: number | null) => Error;
	tooLarge: (line: number) => Error;
	unreadable: (detail: string) => Error;
};

/** Where a broken record is, for a message: " (line 12)", or nothing when the line is not known. */
export const atLine = (line: number | null): string => (line === null ? '' : ` (line ${line})`);

/** A downloaded list's: damage, so download it again. */
function listProblems(inputName: string, formatLabel: string): CsvProblems {
	return {
		unclosedQuote: line =>
			new ListFormatError(
				`${inputName}: a quoted field is never closed${atLine(line)}, so the quotes are unbalanced; the file is damaged or truncated, download it again`,
			),
		misplacedQuote: line =>
			new ListFormatError(
				`${inputName}: a misplaced quote${atLine(line)} breaks the ${formatLabel} layout; the file is damaged, download it again`,
			),
		tooLarge: line =>
			new ListFormatError(
				`${inputName}: a ${formatLabel} record${atLine(line)} is over 1 MiB, far larger than any real entry (often a stray quote swallowing the rest of the file); the file is damaged, download it again`,
			),
		unreadable: detail => new ListFormatError(`${inputName}: cannot read as ${formatLabel} (${detail}); check the file or pass --format`),
	};
}

/** What papaparse's step hands on: one record (`data[0]`), the errors it found in it, and the position after it. */
type StepResult = {data: [string[]]; errors: unknown[]; meta: {cursor: number}};

/**
 * The records of a text read chunk by chunk. Every line ending ends a record, in any mix: each
 * becomes "\n" before papaparse, which takes one kind of line ending for the whole file (a CRLF
 * header over LF rows would run every row into one). Inside quotes a line break stays part of the
 * field, as "\n".
 */
class RecordReader {
	/** The text after the last whole record: the record a chunk ended inside. */
	#carry = '';
	/** A chunk's last "\r", held until the next chunk says whether a "\n" follows it. */
	#heldReturn = '';
	/** The line `#carry` starts on. */
	#line = 1;
	readonly #parser: Papa.Parser;
	#text = '';
	#start = 0;
	#records: CsvRecord[] = [];

	constructor(
		private readonly problems: CsvProblems,
		private readonly options: CsvOptions,
		/** Hears each record as it is read, instead of read() gathering them. */
		private readonly onRecord?: (record: CsvRecord) => void,
	) {
		this.#parser = new Papa.Parser({delimiter: ',', newline: '\n', step: result => this.#take(result as unknown as StepResult)});
	}

	/** The whole records the text read so far completes; `last` marks the end of the input. */
	read(chunk: string, last: boolean): CsvRecord[] {
		let raw = this.#heldReturn + chunk;
		this.#heldReturn = '';
		if (!last && raw.endsWith('\r')) {
			raw = raw.slice(0, -1);
			this.#heldReturn = '\r';
		}
		this.#text = this.#carry + (raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
		this.#start = 0;
		this.#records = [];
		const {meta} = this.#parser.parse(this.#text, 0, !last) as StepResult;
		this.#carry = this.#text.slice(meta.cursor);
		// A quote never closed reads the rest of the file as one field: stopped here, not after the whole file.
		if (this.#carry.length > maxRecordSize) throw this.problems.tooLarge(this.#line);
		this.#text = '';
		return this.#records;
	}

	#take({data: [fields], errors, meta}: StepResult): void {
		const text = this.#text;
		const start = this.#start;
		const end = meta.cursor;
		const startLine = this.#line;
		let breaks = 0;
		for (let at = text.indexOf('\n', start); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) breaks++;
		this.#start = end;
		this.#line += breaks;
		if (end - start > maxRecordSize) throw this.problems.tooLarge(startLine);
		if (errors.length > 0 || fields.some(field => field.includes('"'))) {
			for (const record of this.#strictly(text.slice(start, end), startLine)) this.#keep(record);
			return;
		}
		if (fields.length === 1 && fields[0] === '') return; // an empty line
		this.#keep({fields, line: text.charCodeAt(end - 1) === 10 ? startLine + breaks - 1 : startLine + breaks});
	}

	#keep(record: CsvRecord): void {
		// Fields are cut out of the chunk's text, and a cut keeps its whole chunk alive: a million-row list would hold all its text.
		const {fields} = record;
		for (let index = 0; index < fields.length; index++) fields[index] = detach(fields[index]!);
		if (this.onRecord) this.onRecord(record);
		else this.#records.push(record);
	}

	/** The records csv-parse reads in `text`, which starts on `startLine`; or its error, as the reader's problem. */
	#strictly(text: string, startLine: number): CsvRecord[] {
		const options: StrictOptions = {
			relax_quotes: this.options.relaxQuotes ?? false,
			relax_column_count: true,
			skip_empty_lines: true,
			info: true,
		};
		try {
			const read = parseStrictly(text, options) as unknown as Array<{record: string[]; info: {lines: number}}>;
			return read.map(({record, info}) => ({fields: record, line: startLine + info.lines - 1}));
		} catch (error) {
			throw strictError(error, this.problems, startLine);
		}
	}
}

/**
 * The records in batches (one per read chunk), so the parsers build entities in tight
 * loops between awaits; `transformText` may edit decoded text first.
 */
export async function* csvRecordBatches(
	input: ListInput,
	formatLabel: string,
	options: CsvOptions = {},
	transformText?: (text: string) => string,
): AsyncGenerator<CsvRecord[]> {
	const reader = new RecordReader(listProblems(input.inputName, formatLabel), options);
	for await (const chunk of textStream(input)) {
		const batch = reader.read(transformText ? transformText(chunk as string) : (chunk as string), false);
		if (batch.length > 0) yield batch;
	}
	const batch = reader.read('', true);
	if (batch.length > 0) yield batch;
}

/** Each record with the line it ended on. */
export async function* csvRecords(
	input: ListInput,
	formatLabel: string,
	options: CsvOptions = {},
	transformText?: (text: string) => string,
): AsyncGenerator<CsvRecord> {
	for await (const batch of csvRecordBatches(input, formatLabel, options, transformText)) yield* batch;
}

/**
 * The records of a whole text in memory, each handed to `onRecord` as it is read (an inventory: a million rows
 * are never held at once), read as list files are; `problems` words what is wrong with a broken record.
 */
export function readCsvText(text: string, problems: CsvProblems, onRecord: (record: CsvRecord) => void): void {
	new RecordReader(problems, {}, onRecord).read(text, true);
}

/** csv-parse's error as the reader's problem; its line numbers count from `startLine`, where the text it read began. */
function strictError(error: unknown, problems: CsvProblems, startLine: number): Error {
	const {code, lines} = error as {code?: string; lines?: number};
	const line = typeof lines === 'number' ? startLine + lines - 1 : null;
	switch (code) {
		case 'CSV_QUOTE_NOT_CLOSED':
			// csv-parse names the line it gave up on, the end of the text; the record opened where the quote did.
			return problems.unclosedQuote(startLine);
		case 'CSV_INVALID_CLOSING_QUOTE':
		case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
		case 'CSV_INVALID_OPENING_QUOTE':
		case 'INVALID_OPENING_QUOTE': // csv-parse 6 spells it without the prefix
			return problems.misplacedQuote(line);
		default:
			return problems.unreadable(firstLineOf(error));
	}
}
