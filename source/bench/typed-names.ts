// What the real lists themselves say about an entry's other names, read from the
// raw fixture files (the app's parsers keep only the names): OFAC marks each alias
// "aka", "fka" (formerly known as) or "nka" (now known as), and its XML also
// "weak" (a low-quality alias); OpenSanctions' FollowTheMoney files keep
// `previousName` and `weakAlias` apart from `name` and `alias`. A former, new or
// weak name is not a variant of the entry's name, so the evaluation leaves it out
// of the variant tests (variant-rule.ts decides the untyped rest).
import {readFileSync} from 'node:fs';
import {parse} from 'csv-parse/sync';
import {SaxesParser} from 'saxes';
import type {EntityType, ScreeningEntity} from '../records/index.js';

export type NameType = 'aka' | 'fka' | 'nka' | 'weak';

/** Per entry id, its typed names by nameKey. */
export type NameTypes = Map<string, Map<string, NameType>>;

/** A spelling-blind key for a name as one file writes it and another parser renders it: letters and digits only, lower case. */
export function nameKey(name: string): string {
	return name
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

function add(types: NameTypes, id: string, name: string, type: NameType): void {
	let names = types.get(id);
	if (!names) types.set(id, (names = new Map()));
	names.set(nameKey(name), type);
}

const ofacTypes: Record<string, NameType> = {aka: 'aka', fka: 'fka', nka: 'nka', 'a.k.a.': 'aka', 'f.k.a.': 'fka', 'n.k.a.': 'nka'};

/** OFAC's legacy alt.csv: ent_num, alt_num, alt_type, alt_name, alt_remarks (ids as the CSV parser makes them, "ofac-<ent_num>"). */
export function ofacAltTypes(path: string, idPrefix: string, types: NameTypes = new Map()): NameTypes {
	// The full download ends with a Ctrl-Z byte.
	const text = readFileSync(path, 'utf8').replace(/\u001a/g, '');
	const rows = parse(text, {relax_quotes: true, skip_empty_lines: true, relax_column_count: true}) as string[][];
	for (const [entNum, , altType, altName] of rows) {
		const type = ofacTypes[(altType ?? '').trim().toLowerCase()];
		if (entNum && altName && type) add(types, `${idPrefix}ofac-${entNum.trim()}`, altName, type);
	}
	return types;
}

/** OFAC's classic XML: each aka has a type (a.k.a., f.k.a., n.k.a.) and a category (strong or weak). */
export function ofacXmlAkaTypes(path: string, idPrefix: string, types: NameTypes = new Map()): NameTypes {
	const parser = new SaxesParser();
	const stack: string[] = [];
	let uid = '';
	let aka: Record<string, string> | null = null;
	let text = '';
	const local = (name: string) => name.slice(name.indexOf(':') + 1);
	parser.on('opentag', tag => {
		text = '';
		stack.push(local(tag.name));
		if (stack.at(-1) === 'aka') aka = {};
	});
	parser.on('text', chunk => (text += chunk));
	parser.on('closetag', () => {
		const name = stack.pop();
		const current = aka as Record<string, string> | null;
		if (name === 'uid' && stack.at(-1) === 'sdnEntry') uid = text.trim();
		else if (current && name !== 'aka') current[name!] = text.trim();
		else if (current) {
			const last = current['lastName'] ?? '';
			const first = current['firstName'] ?? '';
			const full = last && first ? `${last}, ${first}` : last || first;
			const type = current['category']?.toLowerCase() === 'weak' ? 'weak' : ofacTypes[(current['type'] ?? '').toLowerCase()];
			if (full && type) add(types, `${idPrefix}ofac-${uid}`, full, type);
			aka = null;
		}
	});
	parser.write(readFileSync(path, 'utf8')).close();
	return types;
}

/** OpenSanctions FollowTheMoney lines: `previousName` is a former name, `weakAlias` a weak one. */
export function ftmNameTypes(path: string, idPrefix: string, types: NameTypes = new Map()): NameTypes {
	for (const line of readFileSync(path, 'utf8').split('\n')) {
		if (!line.trim()) continue;
		const entity = JSON.parse(line) as {id?: string; properties?: Record<string, unknown[]>};
		const property = (key: string) => {
			const values = entity.properties?.[key];
			return Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [];
		};
		for (const name of property('previousName')) add(types, `${idPrefix}${entity.id}`, name, 'fka');
		for (const name of property('weakAlias')) add(types, `${idPrefix}${entity.id}`, name, 'weak');
	}
	return types;
}

const enhancedEntityTypes: Record<string, EntityType> = {Individual: 'person', Entity: 'entity', Vessel: 'vessel', Aircraft: 'aircraft'};
const enhancedAliasTypes: Record<string, NameType> = {'A.K.A.': 'aka', 'F.K.A.': 'fka', 'N.K.A.': 'nka'};

type EnhancedName = {
	primary: boolean;
	type: NameType | null;
	lowQuality: boolean;
	translations: Array<{primary: boolean; fullName: string}>;
};

/**
 * OFAC's "enhanced" XML (sanctionsData), which the app does not read yet: each
 * entity's names, every name in each script it is written in (translations), with
 * its alias type and low-quality flag. Entities come back as the app's
 * ScreeningEntity (only the fields matching uses), their names typed.
 */
export function readEnhancedXml(path: string, idPrefix: string, types: NameTypes = new Map()): ScreeningEntity[] {
	const entities: ScreeningEntity[] = [];
	const parser = new SaxesParser();
	const stack: string[] = [];
	let text = '';
	let id = '';
	let entityType: EntityType = 'other';
	let names: EnhancedName[] = [];
	let name: EnhancedName | null = null;
	let translation: {primary: boolean; fullName: string} | null = null;
	parser.on('opentag', tag => {
		stack.push(tag.name);
		text = '';
		if (tag.name === 'entity') {
			id = String(tag.attributes['id'] ?? '');
			entityType = 'other';
			names = [];
		} else if (tag.name === 'name' && stack.at(-2) === 'names') name = {primary: false, type: null, lowQuality: false, translations: []};
		else if (tag.name === 'translation' && name) translation = {primary: false, fullName: ''};
	});
	parser.on('text', chunk => (text += chunk));
	parser.on('closetag', tag => {
		stack.pop();
		const value = text.trim();
		if (tag.name === 'entityType') entityType = enhancedEntityTypes[value] ?? 'other';
		else if (translation && tag.name === 'isPrimary') translation.primary = value === 'true';
		else if (translation && tag.name === 'formattedFullName') translation.fullName = value;
		else if (translation && tag.name === 'translation') {
			if (translation.fullName) name?.translations.push(translation);
			translation = null;
		} else if (name && tag.name === 'isPrimary') name.primary = value === 'true';
		else if (name && tag.name === 'aliasType') name.type = enhancedAliasTypes[value] ?? null;
		else if (name && tag.name === 'isLowQuality') name.lowQuality = value === 'true';
		else if (name && tag.name === 'name') {
			names.push(name);
			name = null;
		} else if (tag.name === 'entity') {
			const entity = enhancedEntity(`${idPrefix}ofac-${id}`, entityType, names, types);
			if (entity) entities.push(entity);
		}
	});
	parser.write(readFileSync(path, 'utf8')).close();
	return entities;
}

function enhancedEntity(id: string, type: EntityType, names: EnhancedName[], types: NameTypes): ScreeningEntity | null {
	const primary = names.find(name => name.primary) ?? names[0];
	const primaryName = primary?.translations.find(translation => translation.primary)?.fullName ?? primary?.translations[0]?.fullName;
	if (!primaryName) return null;
	const aliases: string[] = [];
	for (const name of names) {
		for (const {fullName} of name.translations) {
			if (fullName !== primaryName && !aliases.includes(fullName)) aliases.push(fullName);
			const nameType = name.lowQuality ? 'weak' : name.type;
			if (nameType) add(types, id, fullName, nameType);
		}
	}
	return {
		id,
		name: primaryName,
		aliases,
		type,
		addresses: [],
		countries: [],
		list: 'OFAC Consolidated (non-SDN), enhanced XML',
		programs: [],
		listedOn: null,
		federalRegisterNotice: null,
		remarks: null,
		sourceUrls: [],
		identifiers: [],
	};
}
