// The key maps (token-key-maps.ts) hold, as sorted hashes, what a Map from each key
// string to its tokens would: the same tokens under every key, in the same order
// (ids ascending; a person's words in the order names first hold them), so that
// neighbours come out as they did from string maps. Checked against such Maps,
// built here from the same key functions over real list names.
import {beforeAll, describe, expect, test} from 'vitest';
import {buildCore, type IndexCore} from '../../source/screening/candidate-index.js';
import {entityTable, textNames} from '../../source/screening/entity-table.js';
import {personRespeltKeys, personWordMinimum} from '../../source/screening/person-names.js';
import {
	buildKeyMap,
	foldKeys,
	keyHash,
	keyMapNames,
	romanisedTokenKeys,
	vocabularyTokenKeys,
	type KeyMapName,
} from '../../source/screening/token-key-maps.js';
import {chineseKey, hasWadeGilesSpelling, wadeGilesReadings} from '../../source/screening/wade-giles.js';
import {foldMinimumLength, respeltKeys} from '../../source/screening/token-similarity.js';
import type {ScreeningEntity} from '../../source/records/list-entries.js';
import {parseListFile} from '../../source/sources/parsers/index.js';
import {syntheticList} from '../../source/bench/synthetic-names.js';
import {fixture, testSeed} from '../helpers.js';

let index: IndexCore;

beforeAll(async () => {
	const entries: ScreeningEntity[] = [];
	for (const file of [
		'ofac-sdn-csv/static_slice_sdn.csv',
		'opensanctions-ftm/yente_t1_eu_fsf_entities.ftm.json',
		'csl-csv/consolidated_2025_small.csv',
	])
		entries.push(...(await parseListFile(fixture(file))).entities);
	entries.push(...syntheticList(2_000, testSeed));
	const table = entityTable(entries, {withText: true});
	index = buildCore(table, textNames(table));
});

/** Map `name` as a Map of key strings, filled as the string maps were. */
function stringMap(name: KeyMapName): Map<string, number[]> {
	const keys = new Map<string, number[]>();
	const add = (key: string, id: number) => keys.set(key, [...(keys.get(key) ?? []), id]);
	const {vocabulary, tokenLoose} = index;
	if (name === 'person') {
		const seen = new Set<number>();
		for (let nameId = 0; nameId < index.nameStrict.length; nameId++) {
			if (!index.nameStrict[nameId]) continue;
			for (const id of index.nameTokens.subarray(index.nameTokenStart[nameId], index.nameTokenStart[nameId + 1])) {
				if (seen.has(id) || vocabulary[id]!.length < personWordMinimum) continue;
				seen.add(id);
				for (const key of personRespeltKeys(vocabulary[id]!)) add(key, id);
			}
		}
		return keys;
	}
	vocabulary.forEach((token, id) => {
		const long = token.length >= foldMinimumLength;
		const keysOf: Record<Exclude<KeyMapName, 'person'>, () => string[]> = {
			folded: () => (long ? foldKeys(token) : []),
			wadeGiles: () =>
				hasWadeGilesSpelling(token) ? [...new Set([...(long ? [chineseKey(token)] : []), ...wadeGilesReadings(token)])] : [],
			chinese: () => (long ? [chineseKey(token)] : []),
			looseKeys: () => (tokenLoose[id] ? romanisedTokenKeys(token, tokenLoose[id]!) : []),
			looseVocabulary: () => vocabularyTokenKeys(token),
			respelt: () => (token.length >= 3 ? respeltKeys(token) : []),
		};
		for (const key of keysOf[name]()) add(key, id);
	});
	return keys;
}

describe('the key maps', () => {
	test("the names give tokens under every kind of key, persons' words and loose tokens among them", () => {
		for (const name of keyMapNames) expect(index.keyMaps.map(name).ids.length, name).toBeGreaterThan(0);
		// Keys shared by several tokens: the maps join words, not just list them.
		expect([...stringMap('folded').values()].some(ids => ids.length > 1)).toBe(true);
		expect([...stringMap('person').values()].some(ids => ids.length > 1)).toBe(true);
	});

	test.each(keyMapNames)('%s: the tokens under each key, in the order a string map holds them', name => {
		const expected = stringMap(name);
		// No two keys of these names share a hash, so each key finds exactly its own tokens.
		expect(new Set([...expected.keys()].map(keyHash)).size).toBe(expected.size);
		for (const [key, ids] of expected) expect([...index.keyMaps.tokensUnder(name, key)], key).toEqual(ids);
		expect(index.keyMaps.map(name).ids.length).toBe([...expected.values()].reduce((sum, ids) => sum + ids.length, 0));
		expect(index.keyMaps.tokensUnder(name, 'no such key')).toHaveLength(0);
	});

	test('a map built apart (as a worker builds it) is the map built on first use', () => {
		for (const name of keyMapNames) expect(buildKeyMap(index, name)).toEqual(index.keyMaps.map(name));
	});

	test("hashes spread: no two of a vocabulary's words share one", () => {
		const hashes = new Set(index.vocabulary.map(keyHash));
		expect(hashes.size).toBe(index.vocabulary.length);
	});
});
