// OFAC's classic `sdnList` XML (sdn.xml, and consolidated.xml for the non-SDN
// lists), streamed with saxes so the 100 MB download never becomes one DOM.
// Ids are "ofac-<uid>", like the CSV parser's. The newer "enhanced" XML
// (`sanctionsData`) is rejected with a clear error for now.
import {SaxesParser} from 'saxes';
import type {EntityType, ScreeningEntity} from '../../records/index.js';
import {cleanLine, cleanList, cleanText, makeEntity} from './entity-fields.js';
import {ListFormatError, firstLineOf} from './list-format-error.js';
import {textStream, type ListInput} from './text-input.js';

type Fields = Record<string, string>;
type Entry = {fields: Fields; programs: string[]; akas: Fields[]; addresses: Fields[]; ids: Fields[]; countries: string[]; vessel: Fields};

// Child elements whose own children are collected as one record.
const groups = new Set(['aka', 'address', 'id', 'nationality', 'citizenship', 'vesselInfo']);
const types: Record<string, EntityType> = {individual: 'person', entity: 'entity', vessel: 'vessel', aircraft: 'aircraft'};

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export async function parseOfacXml(input: ListInput): Promise<ScreeningEntity[]> {
	// The file name is the only hint of which list a classic file holds: consolidated.xml is the non-SDN list.
	const list = /consolidated|cons_/i.test(input.inputName) ? 'OFAC Consolidated (non-SDN)' : 'SDN';
	const entities: ScreeningEntity[] = [];
	const parser = new SaxesParser();
	const path: string[] = [];
	let text = '';
	let entry: Entry | null = null;
	let group: Fields | null = null;
	let rootSeen = false;

	parser.on('opentag', tag => {
		const name = localName(tag.name);
		if (path.length === 0 && name !== 'sdnList') throw rootError(input, name);
		rootSeen = true;
		path.push(name);
		text = '';
		if (name === 'sdnEntry') entry = {fields: {}, programs: [], akas: [], addresses: [], ids: [], countries: [], vessel: {}};
		else if (entry && groups.has(name)) group = {};
	});
	parser.on('text', chunk => (text += chunk));
	parser.on('cdata', chunk => (text += chunk));
	parser.on('closetag', tag => {
		const name = localName(tag.name);
		path.pop();
		const current = entry as Entry | null;
		if (current === null) return;
		if (name === 'sdnEntry') {
			const entity = entryEntity(current, list);
			if (entity) entities.push(entity);
			else input.warnings.push(`${input.inputName}: sdnEntry ${current.fields['uid'] ?? '?'} has no name; skipped it`);
			entry = null;
		} else if (group && groups.has(name)) {
			if (name === 'aka') current.akas.push(group);
			else if (name === 'address') current.addresses.push(group);
			else if (name === 'id') current.ids.push(group);
			else if (name === 'vesselInfo') current.vessel = group;
			else if (group['country']) current.countries.push(group['country']);
			group = null;
		} else if (group) group[name] = text;
		else if (name === 'program') current.programs.push(text);
		else if (path.at(-1) === 'sdnEntry') current.fields[name] = text;
		text = '';
	});

	try {
		for await (const chunk of textStream(input)) parser.write(chunk as string);
		parser.close();
	} catch (error) {
		if (error instanceof ListFormatError) throw error;
		throw new ListFormatError(
			`${input.inputName}: not well-formed XML (${firstLineOf(error)}); the download may be truncated or damaged, fetch it again`,
		);
	}
	if (!rootSeen) {
		throw new ListFormatError(`${input.inputName}: no XML root element found; check the file is OFAC's sdn.xml or pass --format`);
	}
	return entities;
}

function rootError(input: ListInput, root: string): ListFormatError {
	if (root === 'sanctionsData') {
		return new ListFormatError(
			`${input.inputName}: OFAC "enhanced" XML (sanctionsData) is not supported yet; download the classic sdn.xml or consolidated.xml, or the SDN CSV files, instead`,
		);
	}
	return new ListFormatError(
		`${input.inputName}: expected OFAC's classic XML (root element sdnList) but the root is <${root}>; check the file is sdn.xml or pass --format`,
	);
}

/** OFAC writes people as "LAST, First"; the same form serves the main name and the a.k.a.s. */
function personName(fields: Fields): string | null {
	const last = cleanLine(fields['lastName']);
	const first = cleanLine(fields['firstName']);
	return last && first ? `${last}, ${first}` : (last ?? first);
}

function entryEntity(entry: Entry, list: string): ScreeningEntity | null {
	const name = personName(entry.fields);
	if (name === null) return null;
	const uid = cleanLine(entry.fields['uid']);
	// sdn.xml says sdnType; consolidated.xml says nspType.
	const type = (entry.fields['sdnType'] ?? entry.fields['nspType'] ?? '').trim().toLowerCase();
	const callSign = cleanLine(entry.vessel['callSign']);
	return makeEntity(uid === null ? null : `ofac-${uid}`, {
		name,
		aliases: cleanList(entry.akas.map(personName)),
		type: types[type] ?? 'other',
		addresses: cleanList(
			entry.addresses.map(address =>
				cleanList(['address1', 'address2', 'address3', 'city', 'stateOrProvince', 'postalCode', 'country'].map(key => address[key])).join(
					', ',
				),
			),
		),
		countries: cleanList([...entry.addresses.map(address => address['country']), ...entry.countries]),
		list,
		programs: cleanList(entry.programs),
		remarks: cleanText(entry.fields['remarks']),
		identifiers: cleanList([
			...entry.ids.map(id => {
				const number = cleanLine(id['idNumber']);
				const country = cleanLine(id['idCountry']);
				return number === null ? null : `${cleanLine(id['idType']) ?? 'ID'}: ${number}${country ? ` (${country})` : ''}`;
			}),
			callSign === null ? null : `Call Sign: ${callSign}`,
		]),
	});
}
