// OpenSanctions FollowTheMoney JSON lines (entities.ftm.json, and
// targets.nested.json whose properties may inline related entities). Streamed a
// line at a time. Kept: targets, and people, organisations, vessels and aircraft;
// relation schemas (Family, Occupancy, Position…) only feed the entities they describe,
// and Ownership relations (owner, asset, percentage) become the asset's `ownedBy`.
import {createInterface} from 'node:readline';
import type {OwnershipLink, ScreeningEntity} from '../../records/index.js';
import {cleanCountry, cleanLine, cleanList, cleanText, isoDay, makeEntity} from './entity-fields.js';
import {ListFormatError, firstLineOf} from './list-format-error.js';
import {textStream, type ListInput} from './text-input.js';
import {targetSchemaTypes} from './opensanctions-types.js';

type FtmEntity = {
	id?: unknown;
	caption?: unknown;
	schema: string;
	properties: Record<string, unknown[]>;
	datasets?: unknown;
	referents?: unknown;
	target?: unknown;
};

const keptSchemas = targetSchemaTypes;
const aliasProperties = ['name', 'alias', 'weakAlias', 'previousName'];
const countryProperties = ['country', 'nationality', 'citizenship', 'jurisdiction', 'mainCountry'];
const identifierProperties = [
	'registrationNumber',
	'taxNumber',
	'idNumber',
	'passportNumber',
	'innCode',
	'ogrnCode',
	'leiCode',
	'swiftBic',
	'imoNumber',
	'mmsi',
	'callSign',
	'wikidataId',
];

/**
 * Two passes over the file, so no list is held: the first gathers what entities point at
 * (address texts, Ownership relations), which may come before or after them; the second
 * hands on each kept entity as its line is read again. Lines that cannot be an address or
 * hold an ownership are not parsed in the first pass.
 */
export async function parseOpenSanctionsFtm(input: ListInput, emit: (entity: ScreeningEntity) => void): Promise<void> {
	const addressTexts = new Map<string, string>();
	const ownedBy = new Map<string, OwnershipLink[]>();
	for await (const {line, lineNumber} of ftmLines(input)) {
		if (!mayBeReferenced(line)) continue;
		const entity = parseLine(line, lineNumber, input.inputName);
		if (entity.schema === 'Address') {
			const text = addressText(entity);
			// Other entities may point at any of the ids this address was merged from.
			const ids = [entity.id, ...(Array.isArray(entity.referents) ? entity.referents : [])];
			for (const id of ids) if (text && typeof id === 'string') addressTexts.set(id, text);
		}
		if (entity.schema === 'Ownership') addOwnership(ownedBy, entity);
		if (isKept(entity)) {
			// targets.nested.json inlines an entity's Ownership relations in its properties.
			for (const property of ['ownershipAsset', 'ownershipOwner'])
				for (const nested of entity.properties[property] ?? []) if (isOwnership(nested)) addOwnership(ownedBy, nested, entity.id);
		}
	}
	// The file is read again: a warning about its bytes was given the first time.
	for await (const {line, lineNumber} of ftmLines({...input, warnings: []})) {
		const entity = parseLine(line, lineNumber, input.inputName);
		if (!isKept(entity)) continue;
		const converted = toScreeningEntity(entity, addressTexts);
		const owners = typeof entity.id === 'string' ? ownedBy.get(entity.id) : undefined;
		if (converted && owners) converted.ownedBy = owners;
		if (converted) emit(converted);
		else input.warnings.push(`${input.inputName}: entity ${cleanLine(entity.id) ?? '?'} has no name; skipped it`);
	}
}

/** The file's non-blank lines, numbered from 1 as they are in the file. */
async function* ftmLines(input: ListInput): AsyncGenerator<{line: string; lineNumber: number}> {
	let lineNumber = 0;
	for await (const line of createInterface({input: textStream(input), crlfDelay: Infinity})) {
		lineNumber++;
		if (line.trim() !== '') yield {line, lineNumber};
	}
}

function isKept(entity: FtmEntity): boolean {
	return entity.target === true || Object.hasOwn(keptSchemas, entity.schema);
}

/**
 * Whether a line may be an Address or Ownership entity, or inline an ownership: only those
 * matter to the first pass. A line without these words, and without an escape (which could
 * spell them otherwise), is none of them.
 */
function mayBeReferenced(line: string): boolean {
	return line.includes('Address') || line.includes('wnership') || line.includes('\\');
}

function isOwnership(value: unknown): value is FtmEntity {
	const candidate = value as Partial<FtmEntity> | null;
	return (
		typeof candidate === 'object' && candidate !== null && candidate.schema === 'Ownership' && typeof candidate.properties === 'object'
	);
}

/** An entity id, whether written as a string or as an inlined entity (nested exports). */
function referenceId(value: unknown): string | null {
	if (typeof value === 'string') return cleanLine(value);
	const nested = value as {id?: unknown} | null;
	return typeof nested === 'object' && nested !== null ? cleanLine(nested.id) : null;
}

/** "50", "50.5", "50%", "0.5"? FtM percentages are written as percents; anything else is an unknown share. */
function percentOf(values: unknown[] | undefined): number | null {
	const text = values?.find((value): value is string => typeof value === 'string');
	if (text === undefined) return null;
	const number = Number(text.replace(/%$/, '').trim());
	return Number.isFinite(number) && number >= 0 && number <= 100 && text.trim() !== '' ? number : null;
}

/** Records an Ownership relation against its asset; `holder` is the entity that inlined it (nested exports). */
function addOwnership(ownedBy: Map<string, OwnershipLink[]>, relation: FtmEntity, holder?: unknown): void {
	const owner = referenceId(relation.properties['owner']?.[0] ?? null);
	const asset = referenceId(relation.properties['asset']?.[0] ?? holder ?? null);
	if (!owner || !asset || owner === asset) return;
	// FtM dates may be partial ("2019", "2019-05"); as prefixes of a day they still compare in order.
	const endDate = /^\d{4}(?:-\d{2}){0,2}/.exec(strings(relation, 'endDate')[0] ?? '')?.[0] ?? null;
	const link: OwnershipLink = {ownerId: owner, percent: percentOf(relation.properties['percentage']), endDate};
	const links = ownedBy.get(asset) ?? [];
	// The same relation may be seen twice (top level and inlined); keep it once.
	if (!links.some(item => item.ownerId === link.ownerId && item.percent === link.percent && item.endDate === link.endDate))
		links.push(link);
	ownedBy.set(asset, links);
}

function parseLine(line: string, lineNumber: number, inputName: string): FtmEntity {
	let json: unknown;
	try {
		json = JSON.parse(line);
	} catch (error) {
		throw new ListFormatError(
			`${inputName}: line ${lineNumber} is not valid JSON (${firstLineOf(error)}); FollowTheMoney files hold one JSON entity per line, fetch the file again or pass --format`,
		);
	}
	const candidate = json as Partial<FtmEntity> | null;
	if (
		typeof candidate !== 'object' ||
		candidate === null ||
		typeof candidate.schema !== 'string' ||
		typeof candidate.properties !== 'object' ||
		candidate.properties === null
	) {
		throw new ListFormatError(
			`${inputName}: line ${lineNumber} is not a FollowTheMoney entity (it needs "schema" and "properties"); check the file is an OpenSanctions .ftm.json export or pass --format`,
		);
	}
	return candidate as FtmEntity;
}

/** Property values as strings; inlined entities (nested exports) are dropped unless asked for. */
function strings(entity: FtmEntity, property: string): string[] {
	const values = entity.properties[property];
	return Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [];
}

function addressText(address: FtmEntity): string | null {
	return cleanLine(strings(address, 'full')[0]) ?? cleanLine(address.caption);
}

function addresses(entity: FtmEntity, addressTexts: Map<string, string>): string[] {
	const fromEntities = (entity.properties['addressEntity'] ?? []).map(value => {
		if (typeof value === 'string') return addressTexts.get(value) ?? null;
		const nested = value as Partial<FtmEntity> | null;
		return nested && nested.properties ? addressText(nested as FtmEntity) : null;
	});
	return cleanList([...strings(entity, 'address'), ...fromEntities]);
}

function toScreeningEntity(entity: FtmEntity, addressTexts: Map<string, string>): ScreeningEntity | null {
	const names = cleanList(aliasProperties.flatMap(property => strings(entity, property)));
	const name = cleanLine(entity.caption) ?? names[0] ?? null;
	if (name === null) return null;
	const datasets = Array.isArray(entity.datasets) ? entity.datasets : [];
	return makeEntity(cleanLine(entity.id), {
		name,
		aliases: names,
		type: Object.hasOwn(keptSchemas, entity.schema) ? keptSchemas[entity.schema]! : 'other',
		addresses: addresses(entity, addressTexts),
		countries: cleanList(
			countryProperties.flatMap(property => strings(entity, property)),
			cleanCountry,
		),
		list: cleanList(datasets).join(', ') || 'OpenSanctions',
		programs: cleanList(strings(entity, 'programId')),
		// createdAt is when the source listed the entity; first_seen is only when OpenSanctions crawled it.
		listedOn: isoDay(strings(entity, 'createdAt')[0]),
		remarks: cleanText([...strings(entity, 'notes'), ...strings(entity, 'description')].join('\n')),
		sourceUrls: cleanList(strings(entity, 'sourceUrl')),
		identifiers: identifierProperties.flatMap(property => cleanList(strings(entity, property)).map(value => `${property}: ${value}`)),
	});
}
