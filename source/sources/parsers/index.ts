// Reads any supported screening-list download into ScreeningEntity values (or a
// native records document), with format detection and one-line errors for bad input.
import {basename} from 'node:path';
import {UserInputError} from '../../errors/index.js';
import {parseRecordsText, type RecordsDocument, sourceFormats, type ScreeningEntity, type SourceFormat} from '../../records/index.js';
import {sanitizeText} from '../../text/index.js';
import {parseCslCsv} from './csl-csv.js';
import {parseCslJson} from './csl-json.js';
import {detectFormat} from './detect-format.js';
import {dropDuplicateIds} from './entity-fields.js';
import {ListFormatError, firstLineOf} from './list-format-error.js';
import {parseOfacCsv} from './ofac-csv.js';
import {parseOfacXml} from './ofac-xml.js';
import {parseOpenSanctionsCsv} from './opensanctions-csv.js';
import {parseOpenSanctionsFtm} from './opensanctions-ftm.js';
import {readAllText, readHead, type ListInput} from './text-input.js';

export {detectFormat} from './detect-format.js';
export {ListFormatError} from './list-format-error.js';
export {ofacCompanionNames} from './ofac-csv.js';

export type ParsedList = {format: SourceFormat; entities: ScreeningEntity[]; records?: RecordsDocument; warnings: string[]};

const entityParsers: Record<Exclude<SourceFormat, 'records'>, (input: ListInput) => Promise<ScreeningEntity[]>> = {
	'csl-json': parseCslJson,
	'csl-csv': parseCslCsv,
	'ofac-csv': parseOfacCsv,
	'ofac-xml': parseOfacXml,
	'opensanctions-ftm': parseOpenSanctionsFtm,
	'opensanctions-csv': parseOpenSanctionsCsv,
};

/** Parses a list file; every failure is a one-line ListFormatError naming the input. */
export async function parseListFile(path: string, options: {format?: SourceFormat; inputName?: string} = {}): Promise<ParsedList> {
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
			return {format, entities: [], records: await parseRecordsText(await readAllText(input), inputName), warnings: input.warnings};
		}
		const entities = dropDuplicateIds(await entityParsers[format](input), inputName, input.warnings);
		return {format, entities, warnings: input.warnings.map(warning => sanitizeText(warning))};
	} catch (error) {
		if (error instanceof ListFormatError) throw error;
		// The records module's errors are already one actionable line.
		if (error instanceof UserInputError) throw new ListFormatError(error.message);
		throw new ListFormatError(`${inputName}: cannot read as ${format} (${firstLineOf(error)}); check the file or pass --format`);
	}
}
