// The candidate index is built from the list names tokenised in slices, on as many
// threads as there are (screening-pool.ts). However the entries are sliced, the
// index must be the one a single pass builds: same vocabulary, same names, same
// weights, so that screening finds the same hits on any number of threads.
import {beforeAll, describe, expect, test} from 'vitest';
import {assembleCore, buildCore, countStatistics, indexArrays, type IndexCore} from '../../source/screening/candidate-index.js';
import {entityTable, textNames, type EntityTable} from '../../source/screening/entity-table.js';
import {entryRanges, joinSlices, tokenizeEntries} from '../../source/screening/name-tokens.js';
import {attachIndex, namesOf, readVocabulary, shareNames, shareSearch} from '../../source/screening/shared-index.js';
import {buildTokenSearch} from '../../source/screening/similar-tokens.js';
import {buildSharedKeyMaps, keyMapNames} from '../../source/screening/token-key-maps.js';
import type {ScreeningEntity} from '../../source/records/list-entries.js';
import {parseListFile} from '../../source/sources/parsers/index.js';
import {syntheticList} from '../../source/bench/synthetic-names.js';
import {expectEqualLarge, fixture, testSeed} from '../helpers.js';

let table: EntityTable;
let whole: IndexCore;
/** contents(whole), read once: every test compares against it. */
let wholeContents: ReturnType<typeof contents>;
const statisticsNames = ['Kaspersky Lab', 'Huawei Technologies Co., Ltd.'];

/** What screening reads of an index, as plain values. */
function contents(index: IndexCore) {
	return {
		vocabulary: index.vocabulary,
		tokenIds: [...index.tokenIds],
		tokenWeights: [...index.tokenWeights],
		tokenNameStart: [...index.tokenNameStart],
		tokenNames: [...index.tokenNames],
		nameEntity: [...index.nameEntity],
		nameAlias: [...index.nameAlias],
		nameTokenStart: [...index.nameTokenStart],
		nameTokens: [...index.nameTokens],
		nameWeights: [...index.nameWeights],
		nameStrict: [...index.nameStrict],
		nameInitial: [...index.nameInitial],
		tokenDistinctive: [...index.tokenDistinctive],
		tokenLoose: [...index.tokenLoose],
		tokenCounts: [...index.tokenCounts],
		keyMaps: keyMapNames.map(name => {
			const {hashes, ids} = index.keyMaps.map(name);
			return [name, [...hashes], [...ids]];
		}),
		extraCounts: [...index.extraCounts],
		statisticsNames: index.statistics.names,
		search: {...index.tokenSearch, keyIds: [...index.tokenSearch.keyIds]},
	};
}

beforeAll(async () => {
	// Real list entries (persons with aliases, names in other alphabets) and synthetic ones, in one table.
	const entries: ScreeningEntity[] = [];
	for (const file of ['ofac-sdn-csv/static_slice_sdn.csv', 'opensanctions-ftm/yente_t1_eu_fsf_entities.ftm.json'])
		entries.push(...(await parseListFile(fixture(file))).entities);
	entries.push(...syntheticList(3_000, testSeed));
	table = entityTable(entries, {withText: true});
	whole = buildCore(table, textNames(table), {statisticsNames});
	wholeContents = contents(whole);
});

describe('the candidate index from sliced entries', () => {
	test('the fixtures give persons, loose tokens and names left out', () => {
		expect(whole.hasStrict).toBe(true);
		expect(whole.tokenLoose.includes(1)).toBe(true);
		expect(whole.nameEntity.length).toBeGreaterThan(table.count);
	});

	test.each([2, 3, 7, 64])('%i slices build the index one pass builds', slices => {
		const names = joinSlices(entryRanges(table.count, slices).map(([from, to]) => tokenizeEntries(table, textNames(table), from, to)));
		expectEqualLarge(contents(assembleCore(table, textNames(table), names, {statisticsNames})), wholeContents);
	});

	test('slices cover every entry once, in order', () => {
		for (const [entries, count] of [
			[10, 3],
			[2, 5],
			[0, 2],
			[1_000, 4],
		] as const) {
			const ranges = entryRanges(entries, count);
			expect(ranges[0]![0]).toBe(0);
			expect(ranges.at(-1)![1]).toBe(entries);
			ranges.slice(1).forEach(([from], at) => expect(from).toBe(ranges[at]![1]));
		}
	});

	test('the index from parts built apart (postings and weights, token search, key maps) and shared is the index one pass builds', () => {
		// As the workers do it (screening-worker.ts): each part made from the shared names alone, the vocabulary read back from shared memory.
		const names = shareNames(
			joinSlices(entryRanges(table.count, 3).map(([from, to]) => tokenizeEntries(table, textNames(table), from, to))),
		);
		const arraysSide = namesOf(names, readVocabulary(names.vocabulary));
		const {statistics, extraCounts, extraNames} = countStatistics(arraysSide, statisticsNames);
		const parts = {
			table,
			names,
			arrays: indexArrays(arraysSide, statistics),
			search: shareSearch(buildTokenSearch(readVocabulary(names.vocabulary).vocabulary)),
			keyMaps: buildSharedKeyMaps(namesOf(names, readVocabulary(names.vocabulary))),
			extraCounts: [...extraCounts],
			extraNames,
		};
		const attached = attachIndex(parts);
		expectEqualLarge(contents(attached), wholeContents);
		// The statistics weigh tokens as the whole's do, the extra names' tokens included.
		for (const token of ['kaspersky', 'huawei', whole.vocabulary[0]!, 'absent'])
			expect(attached.statistics.frequency(token)).toBe(whole.statistics.frequency(token));
	});
});
