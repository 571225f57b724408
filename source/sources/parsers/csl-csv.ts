// The US Consolidated Screening List CSV download (trade.gov): 29 columns with
// `_id`, or the 2019 layout of 28 without it. Multi-valued fields are joined by "; ".
import type {ScreeningEntity} from '../../records/index.js';
import {field, parseHeadedCsv} from './headed-csv.js';
import {type Interner, fieldLine, fieldText, isoDay, makeEntity, noValues, splitField} from './entity-fields.js';
import {cslEntityType, cslAddressCountry, cslIdentifier} from './csl-fields.js';
import {ListFormatError} from './list-format-error.js';
import type {ListInput} from './text-input.js';

const label = 'CSL CSV';
const listSeparator = /;\s+|;$/;

const columnNames = [
	'_id',
	'entity_number',
	'name',
	'addresses',
	'alt_names',
	'type',
	'nationalities',
	'citizenships',
	'source',
	'programs',
	'start_date',
	'federal_register_notice',
	'remarks',
	'source_list_url',
	'source_information_url',
	'ids',
] as const;
type Column = (typeof columnNames)[number];
/** Where each column this parser reads sits in the row; -1 when the header lacks it. */
type Columns = Record<Column, number>;

export function parseCslCsv(input: ListInput, emit: (entity: ScreeningEntity) => void): Promise<void> {
	return parseHeadedCsv(
		input,
		{
			label,
			columnNames,
			checkHeader(header) {
				if (!(header[0] === '_id' && header[1] === 'source') && !(header[0] === 'source' && header[1] === 'entity_number')) {
					throw new ListFormatError(
						`${input.inputName}: missing the CSL CSV header (the first line should start "_id,source," or "source,entity_number,"); check the file is the CSL CSV download or pass --format`,
					);
				}
				if (!header.includes('name'))
					throw new ListFormatError(`${input.inputName}: the CSL CSV header has no "name" column; check the file is the CSL CSV download`);
			},
			widthNote: '; the download has 29, or 28 in the 2019 layout',
			widthAdvice: 'check the file is the CSL CSV download or pass --format',
			emptyAdvice: 'check the file is the CSL CSV download',
			entity: cslCsvEntity,
		},
		emit,
	);
}

function cslCsvEntity(fields: string[], columns: Columns, interner: Interner): ScreeningEntity | null {
	const name = fieldLine(field(fields, columns, 'name'));
	if (name === null) return null;
	const addresses = splitCsl(field(fields, columns, 'addresses'));
	// The 2019 layout has no _id; its SDN rows still carry the entity number, which is what _id later became.
	const listId = fieldLine(field(fields, columns, '_id')) ?? fieldLine(field(fields, columns, 'entity_number'));
	const source = fieldLine(field(fields, columns, 'source'));
	const ids = splitCsl(field(fields, columns, 'ids'));
	const listedOn = isoDay(field(fields, columns, 'start_date'));
	const notice = fieldLine(field(fields, columns, 'federal_register_notice'));
	return makeEntity(listId, {
		name,
		aliases: splitCsl(field(fields, columns, 'alt_names')),
		type: cslEntityType(field(fields, columns, 'type')),
		addresses,
		countries: interner.sameList(
			countriesOf(addresses, splitCsl(field(fields, columns, 'nationalities')), splitCsl(field(fields, columns, 'citizenships'))),
		),
		list: source === null ? 'CSL' : interner.intern(source),
		programs: interner.list(field(fields, columns, 'programs'), splitCsl),
		listedOn: listedOn === null ? null : interner.intern(listedOn),
		federalRegisterNotice: notice === null ? null : interner.intern(notice),
		remarks: fieldText(field(fields, columns, 'remarks')),
		sourceUrls: urlsOf(interner, field(fields, columns, 'source_list_url'), field(fields, columns, 'source_information_url')),
		identifiers: ids.length === 0 ? noValues : ids.map(cslIdentifier),
	});
}

/** Address country codes, then nationalities and citizenships: distinct, first-seen order. */
function countriesOf(addresses: string[], nationalities: string[], citizenships: string[]): string[] {
	const countries: string[] = [];
	for (const address of addresses) {
		const country = cslAddressCountry(address);
		if (country !== null && !countries.includes(country)) countries.push(country);
	}
	for (const country of nationalities) if (!countries.includes(country)) countries.push(country);
	for (const country of citizenships) if (!countries.includes(country)) countries.push(country);
	return countries.length === 0 ? noValues : countries;
}

/** The list's URLs, the same for every row of a list: one shared list for all those rows. */
function urlsOf(interner: Interner, listUrl: string | undefined, informationUrl: string | undefined): string[] {
	const first = fieldLine(listUrl);
	const second = fieldLine(informationUrl);
	if (first === null) return second === null ? noValues : interner.sameList([second]);
	return interner.sameList(second === null || second === first ? [first] : [first, second]);
}

/** A "; "-joined CSL field as clean items (most hold one item: no regex split then). */
function splitCsl(value: string | undefined): string[] {
	return splitField(value, value !== undefined && value.includes(';') ? listSeparator : ';');
}
