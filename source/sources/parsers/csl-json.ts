// CSL JSON: the trade.gov API's entry objects, either the bulk download's
// {"results": [...]} wrapper or a bare array of entries. Parsed whole: JSON has
// no record boundaries to stream on, and these files are a few megabytes at most.
import type {ScreeningEntity} from '../../records/index.js';
import {cleanCountry, cleanLine, cleanList, cleanText, isoDay, makeEntity} from './entity-fields.js';
import {cslAddressCountry, cslEntityType} from './csl-fields.js';
import {ListFormatError} from './list-format-error.js';
import {parseJsonText} from './json-text.js';
import {readAllText, type ListInput} from './text-input.js';

type Json = Record<string, unknown>;

export async function parseCslJson(input: ListInput): Promise<ScreeningEntity[]> {
	const json = parseJsonText(await readAllText(input), input.inputName, 'CSL JSON');
	const entries = Array.isArray(json) ? json : isObject(json) && Array.isArray(json['results']) ? json['results'] : null;
	if (entries === null) {
		throw new ListFormatError(
			`${input.inputName}: expected CSL JSON (an array of entries or an object with a "results" array) but found ${describe(json)}; check the file is the CSL JSON download or pass --format`,
		);
	}
	const entities: ScreeningEntity[] = [];
	entries.forEach((entry, index) => {
		if (!isObject(entry)) {
			throw new ListFormatError(
				`${input.inputName}: CSL JSON entry ${index + 1} is ${describe(entry)}, not an object; check the file is the CSL JSON download`,
			);
		}
		const entity = cslJsonEntity(entry);
		if (entity) entities.push(entity);
		else input.warnings.push(`${input.inputName}: CSL JSON entry ${index + 1} has no name; skipped it`);
	});
	return entities;
}

function cslJsonEntity(entry: Json): ScreeningEntity | null {
	const name = cleanLine(entry['name']);
	if (name === null) return null;
	const addresses = arrayOf(entry['addresses'])
		.map(formatAddress)
		.filter((address): address is string => address !== null);
	const addressCountries = arrayOf(entry['addresses']).map(address =>
		isObject(address) ? address['country'] : typeof address === 'string' ? cslAddressCountry(address) : null,
	);
	return makeEntity(cleanLine(entry['_id']) ?? cleanLine(entry['id']) ?? cleanLine(entry['entity_number']), {
		name,
		aliases: cleanList(arrayOf(entry['alt_names'])),
		type: cslEntityType(entry['type']),
		addresses,
		countries: cleanList(
			[...addressCountries, entry['country'], ...arrayOf(entry['nationalities']), ...arrayOf(entry['citizenships'])],
			cleanCountry,
		),
		list: cleanLine(entry['source']) ?? 'CSL',
		programs: cleanList(arrayOf(entry['programs'])),
		listedOn: isoDay(entry['start_date']),
		federalRegisterNotice: cleanLine(entry['federal_register_notice']),
		remarks: cleanText(entry['remarks']),
		sourceUrls: cleanList([entry['source_list_url'], entry['source_information_url']]),
		identifiers: cleanList(arrayOf(entry['ids']).map(formatId)),
	});
}

/** {address, city, state, postal_code, country} as one line; a plain string is kept. */
function formatAddress(address: unknown): string | null {
	if (!isObject(address)) return cleanLine(address);
	const parts = cleanList([address['address'], address['city'], address['state'], address['postal_code'], address['country']]);
	return parts.length > 0 ? parts.join(', ') : null;
}

/** {type, number, country} as "type: number (country)". */
function formatId(id: unknown): string | null {
	if (!isObject(id)) return cleanLine(id);
	const number = cleanLine(id['number']);
	if (number === null) return null;
	const type = cleanLine(id['type']);
	const country = cleanLine(id['country']);
	return `${type ? `${type}: ` : ''}${number}${country ? ` (${country})` : ''}`;
}

function arrayOf(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
	if (Array.isArray(value)) return 'an array';
	if (value === null) return 'null';
	if (isObject(value)) return 'an object without a "results" array';
	return `a ${typeof value}`;
}
