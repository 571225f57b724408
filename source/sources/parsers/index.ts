// Reads any supported screening-list download into ScreeningEntity values (or a
// native records document), with format detection and one-line errors for bad input.
import {basename} from 'node:path';
import {UserInputError} from '../../errors/index.js';
import {parseRecordsText, type RecordsDocument, sourceFormats, type ScreeningEntity, type SourceFormat} from '../../records/index.js';
import {sanitizeText} from '../../text/index.js';
import {parseCslCsv} from './csl-csv.js';
import {parseCslJson} from './csl-json.js';
import {detectFormat} from './detect-format.js';
import {uniqueIds} from './entity-fields.js';
import {ListFormatError, firstLineOf} from './list-format-error.js';
import {parseOfacCsv} from './ofac-csv.js';
import {parseOfacXml} from './ofac-xml.js';
import {parseOpenSanctionsCsv} from './opensanctions-csv.js';
import {parseOpenSanctionsFtm} from './opensanctions-ftm.js';
import {readAllText, readHead, type ListInput} from './text-input.js';

export {atLine, readCsvText, type CsvProblems, type CsvRecord} from './csv-records.js';
export {detectFormat} from './detect-format.js';
export {ListFormatError} from './list-format-error.js';
export {ofacCompanionNames} from './ofac-csv.js';

export type ParsedList = {format: SourceFormat; entities: ScreeningEntity[]; records?: RecordsDocument; warnings: string[]};

/** A parsed list whose entities went elsewhere as they were read. */
export type ParsedHead = Omit<ParsedList, 'entities'>;

type EntitySink = (entity: ScreeningEntity) => void;

/** A parser that builds its whole list first (companion files, whole documents), handing the entities on after. */
const whole =
	(parse: (input: ListInput) => Promise<ScreeningEntity[]>) =>
	async (input: ListInput, emit: EntitySink): Promise<void> => {
		for (const entity of await parse(input)) emit(entity);
	};

const entityParsers: Record<Exclude<SourceFormat, 'records'>, (input: ListInput, emit: EntitySink) => Promise<void>> = {
	'csl-json': whole(parseCslJson),
	'csl-csv': parseCslCsv,
	'ofac-csv': parseOfacCsv,
	'ofac-xml': whole(parseOfacXml),
	'opensanctions-ftm': parseOpenSanctionsFtm,
	'opensanctions-csv': parseOpenSanctionsCsv,
};

/** Parses a list file; every failure is a one-line ListFormatError naming the input. */
export async function parseListFile(path: string, options: {format?: SourceFormat; inputName?: string} = {}): Promise<ParsedList> {
	const entities: ScreeningEntity[] = [];
	const {format, records, warnings} = await parseListInto(path, options, entity => entities.push(entity));
	return records === undefined ? {format, entities, warnings} : {format, entities, records, warnings};
}

/**
 * parseListFile with each entity handed to `emit` as it is read (repeated ids left out), so
 * a caller can write a list of a million entries on without holding it. Throws as parseListFile
 * does, possibly after some entities have gone to `emit`.
 */
export async function parseListInto(
	path: string,
	options: {format?: SourceFormat; inputName?: string},
	emit: EntitySink,
): Promise<ParsedHead> {
	const inputName = options.inputName ?? path;
	const head = await readHead(path, inputName);
	if (head.bytes.length === 0) throw new ListFormatError(`${inputName}: the file is empty (0 bytes); download it again`);
	if (head.text.trim() === '') throw new ListFormatError(`${inputName}: the file holds only blank space; download it again`);
	if (/^\s*<(?:!doctype\s+html|html[\s>])/i.test(head.text)) {
		throw new ListFormatError(
			`${inputName}: this is an HTML web page, not list data (often an error or login page saved instead of the download); download the data file again`,
		);
	}
	const format = options.format ?? detectFormat(head.text, basename(inputName));
	if (format === null) {
		throw new ListFormatError(`${inputName}: cannot tell which list format this is; pass --format with one of ${sourceFormats.join(', ')}`);
	}
	const input: ListInput = {path, inputName, encoding: head.encoding, warnings: []};
	try {
		if (format === 'records') {
			// Records documents are small and validated whole by the records module.
			return {format, records: await parseRecordsText(await readAllText(input), inputName), warnings: input.warnings};
		}
		const unique = uniqueIds(inputName, input.warnings, emit);
		await entityParsers[format](input, unique.emit);
		unique.finish();
		return {format, warnings: input.warnings.map(warning => sanitizeText(warning))};
	} catch (error) {
		if (error instanceof ListFormatError) throw error;
		// The records module's errors are already one actionable line.
		if (error instanceof UserInputError) throw new ListFormatError(error.message);
		throw new ListFormatError(`${inputName}: cannot read as ${format} (${firstLineOf(error)}); check the file or pass --format`);
	}
}
