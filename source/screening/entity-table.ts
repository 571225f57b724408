// What screening reads of each list entry (its names, kind, countries and which
// entries share its id), as typed arrays over SharedArrayBuffers: a worker thread
// screening a slice of the inventory reads the same memory as the thread that
// built the index, instead of a copy of a million entry objects.
import type {ScreeningEntity} from '../records/index.js';
import {countryCode} from './country.js';
import {shareStrings, sharedInt32, sharedString, sharedUint8, type SharedStrings} from './shared-arrays.js';

export type EntityTable = {
	readonly count: number;
	/** Per entry: kindPerson when it is a person, kindStrict when its whole name must agree (persons, vessels, aircraft). */
	readonly kinds: Uint8Array;
	/** Per entry: the ISO codes of its countries (two letters in 16 bits), entry e's at countryStart[e] .. countryStart[e + 1]. */
	readonly countryStart: Int32Array;
	readonly countryCodes: Uint16Array;
	/** Per entry: the first entry with the same id, so that hits are kept one per id as the entry objects would be. */
	readonly groups: Int32Array;
	/** Per entry: its first name's position among all names (its name, then its aliases). */
	readonly nameStart: Int32Array;
	/** The names (name, then aliases, entry by entry); absent when the entry objects are at hand. */
	readonly names: SharedStrings | null;
};

export const kindPerson = 1;
export const kindStrict = 2;

/** Two letters in 16 bits; 0 is no country. */
const packCode = (code: string) => code.charCodeAt(0) * 256 + code.charCodeAt(1);

function kindOf(entity: Pick<ScreeningEntity, 'type'>): number {
	if (entity.type === 'person') return kindPerson | kindStrict;
	return entity.type === 'vessel' || entity.type === 'aircraft' ? kindStrict : 0;
}

/**
 * The table of `entities`; `withText` also stores their names, for threads that do not hold the entry
 * objects. `groupsLater` leaves `groups` for fillGroups: a million ids cost a second of Map work that
 * tokenising the names does not need, so it can be done while other threads tokenise.
 */
export function entityTable(
	entities: readonly ScreeningEntity[],
	{withText = false, groupsLater = false}: {withText?: boolean; groupsLater?: boolean} = {},
): EntityTable {
	const count = entities.length;
	const kinds = sharedUint8(count);
	const countryStart = sharedInt32(count + 1);
	const groups = sharedInt32(count);
	const nameStart = sharedInt32(count + 1);
	const codesOf = new Map<string, number>();
	const codes: number[] = [];
	for (let entity = 0; entity < count; entity++) {
		const {type, countries, aliases} = entities[entity]!;
		kinds[entity] = kindOf({type});
		for (const country of countries) {
			let code = codesOf.get(country);
			if (code === undefined) {
				const iso = countryCode(country);
				code = iso === null ? 0 : packCode(iso);
				codesOf.set(country, code);
			}
			if (code !== 0) codes.push(code);
		}
		countryStart[entity + 1] = codes.length;
		nameStart[entity + 1] = nameStart[entity]! + 1 + aliases.length;
	}
	const countryCodes = new Uint16Array(new SharedArrayBuffer(Math.max(1, codes.length) * 2), 0, codes.length);
	countryCodes.set(codes);
	const names = withText ? shareStrings(allNames(entities), nameStart[count]!) : null;
	const table = {count, kinds, countryStart, countryCodes, groups, nameStart, names};
	if (!groupsLater) fillGroups(entities, table);
	return table;
}

/** Each entry's group in a table: the first entry with its id. */
export function fillGroups(entities: readonly ScreeningEntity[], {groups}: Pick<EntityTable, 'groups'>): void {
	const firstWithId = new Map<string, number>();
	for (let entity = 0; entity < entities.length; entity++) {
		const {id} = entities[entity]!;
		let first = firstWithId.get(id);
		if (first === undefined) firstWithId.set(id, (first = entity));
		groups[entity] = first;
	}
}

function* allNames(entities: readonly ScreeningEntity[]): Generator<string> {
	for (const entity of entities) {
		yield entity.name;
		yield* entity.aliases;
	}
}

/** Reads the names of a table with text: name `alias` of entry `entity` (-1: its main name). */
export function textNames(table: EntityTable): (entity: number, alias: number) => string {
	const {names, nameStart} = table;
	if (!names) throw new Error('this entity table holds no names');
	return (entity, alias) => sharedString(names, nameStart[entity]! + alias + 1);
}

/** Reads the names of entry objects, as textNames reads a table's. */
export function objectNames(entities: readonly ScreeningEntity[]): (entity: number, alias: number) => string {
	return (entity, alias) => (alias < 0 ? entities[entity]!.name : entities[entity]!.aliases[alias]!);
}

/** countryAgreement (country.ts) of a country code with entry `entity`'s countries, read from the table. */
export function tableCountryAgreement(table: EntityTable, queryCode: string | null, entity: number): 'agree' | 'disagree' | 'unknown' {
	if (queryCode === null) return 'unknown';
	const from = table.countryStart[entity]!;
	const to = table.countryStart[entity + 1]!;
	if (from === to) return 'unknown';
	const wanted = packCode(queryCode);
	for (let at = from; at < to; at++) if (table.countryCodes[at] === wanted) return 'agree';
	return 'disagree';
}
