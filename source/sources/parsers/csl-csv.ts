// The US Consolidated Screening List CSV download (trade.gov): 29 columns with
// `_id`, or the 2019 layout of 28 without it. Multi-valued fields are joined by "; ".
import type {ScreeningEntity} from '../entity.js';
import {csvRecords} from './csv-records.js';
import {cleanLine, cleanText, cleanList, isoDay, makeEntity, splitList} from './entity-fields.js';
import {cslEntityType, cslAddressCountry, cslIdentifier} from './csl-fields.js';
import {ListFormatError} from './list-format-error.js';
import type {ListInput} from './text-input.js';

const label = 'CSL CSV';
const listSeparator = /;\s+|;$/;

export async function parseCslCsv(input: ListInput): Promise<ScreeningEntity[]> {
	const entities: ScreeningEntity[] = [];
	let header: string[] | null = null;
	for await (const {fields, line} of csvRecords(input, label)) {
		if (header === null) {
			header = fields.map(field => field.trim());
			if (!(header[0] === '_id' && header[1] === 'source') && !(header[0] === 'source' && header[1] === 'entity_number')) {
				throw new ListFormatError(`${input.inputName}: missing the CSL CSV header (the first line should start "_id,source," or "source,entity_number,"); check the file is the CSL CSV download or pass --format`);
			}
			if (!header.includes('name')) throw new ListFormatError(`${input.inputName}: the CSL CSV header has no "name" column; check the file is the CSL CSV download`);
			continue;
		}
		if (fields.length !== header.length) {
			throw new ListFormatError(`${input.inputName}: expected ${header.length} columns (CSL CSV, as its header says; the download has 29, or 28 in the 2019 layout) but line ${line} has ${fields.length}; check the file is the CSL CSV download or pass --format`);
		}
		const row = Object.fromEntries(header.map((column, index) => [column, fields[index]!])) as Record<string, string>;
		const entity = cslCsvEntity(row);
		if (entity) entities.push(entity);
		else input.warnings.push(`${input.inputName}: line ${line} has no name; skipped it`);
	}
	if (header === null) throw new ListFormatError(`${input.inputName}: no CSV rows found; check the file is the CSL CSV download`);
	return entities;
}

function cslCsvEntity(row: Record<string, string>): ScreeningEntity | null {
	const name = cleanLine(row['name']);
	if (name === null) return null;
	const addresses = splitList(row['addresses'], listSeparator);
	// The 2019 layout has no _id; its SDN rows still carry the entity number, which is what _id later became.
	const listId = cleanLine(row['_id']) ?? cleanLine(row['entity_number']);
	return makeEntity(listId, {
		name,
		aliases: splitList(row['alt_names'], listSeparator),
		type: cslEntityType(row['type']),
		addresses,
		countries: cleanList([
			...addresses.map(cslAddressCountry),
			...splitList(row['nationalities'], listSeparator),
			...splitList(row['citizenships'], listSeparator),
		]),
		list: cleanLine(row['source']) ?? 'CSL',
		programs: splitList(row['programs'], listSeparator),
		listedOn: isoDay(row['start_date']),
		federalRegisterNotice: cleanLine(row['federal_register_notice']),
		remarks: cleanText(row['remarks']),
		sourceUrls: cleanList([row['source_list_url'], row['source_information_url']]),
		identifiers: splitList(row['ids'], listSeparator).map(cslIdentifier),
	});
}
