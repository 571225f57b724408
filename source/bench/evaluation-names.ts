// The labelled evaluation of matching, from real public data in test/fixtures
// (provenance in test/fixtures/names/README.md):
//  - the real lists: every list sample in test/fixtures, parsed by the app's own parsers;
//  - positives: each of an entry's names screened against its other names (leave one
//    out), labelled by what the lists say (typed-names.ts: former, new and weak names)
//    and, for the rest, by a fixed rule blind to the matcher (variant-rule.ts): a
//    variant (the same name in another spelling or script), an acronym, or another
//    name (a translation, a shorter or fuller name, a title);
//  - negatives: real company and brand names that are on no list (S&P 500
//    constituents, Simple Icons brand titles and their other names), less the few
//    that are listed or curated, named with the reason in listed-names.csv;
//  - hard negatives: real list names with their most distinctive word replaced by
//    a distinctive word of a real unlisted name.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse} from 'csv-parse/sync';
import type {ScreeningEntity} from '../records/index.js';
import {isDistinctive, normalizeName} from '../screening/index.js';
import {parseListFile} from '../sources/index.js';
import {seededRandom} from './synthetic-names.js';
import {ftmNameTypes, nameKey, ofacAltTypes, ofacXmlAkaTypes, readEnhancedXml, type NameTypes} from './typed-names.js';
import {isAcronymOf, referenceKey, sameNameRespelt} from './variant-rule.js';

// The bench runs from dist/, one folder below the root; tests read this module from source/bench/, two below.
const fixturesRoot = ['../test/fixtures/', '../../test/fixtures/']
	.map(relative => fileURLToPath(new URL(relative, import.meta.url)))
	.find(folder => existsSync(folder))!;
const fixtures = (path: string) => join(fixturesRoot, path);

/** Every real list sample the repository holds, in a format the app reads. */
export const listFixtures = [
	'csl-csv/consolidated_2022-05-16_sample.csv',
	'csl-csv/consolidated_2019_legacy_28col.csv',
	'csl-csv/consolidated_2025_small.csv',
	'ofac-sdn-csv/static_slice_sdn.csv',
	'ofac-sdn-csv/ofactest_sdn.csv',
	'ofac-xml/treasury_consolidated.xml',
	'ofac-xml/sdn.xml',
	'opensanctions-ftm/yente_t1_eu_fsf_entities.ftm.json',
	'opensanctions-ftm/sa_wiki_peps_entities.ftm.json',
	'opensanctions-targets-simple-csv/sa_wiki_peps_targets.simple.csv',
	'csl-json/el_expected_results.json',
	'csl-json/sdn_expected_results.json',
	'csl-json/dpl_expected_results.json',
	'csl-json/uvl_expected_results.json',
	'csl-json/isn_expected_results.json',
	'csl-json/dtc_expected_results.json',
];

/** OFAC's enhanced XML, which the app does not read yet: the evaluation reads it itself (typed-names.ts). */
export const enhancedXmlFixture = 'ofac-xml/CONS_ENHANCED_first150.xml';

export async function loadRealLists(): Promise<ScreeningEntity[]> {
	const entities: ScreeningEntity[] = [];
	for (const file of listFixtures) {
		const parsed = await parseListFile(fixtures(file));
		// Ids are unique per file only: prefix them so two samples of one list never merge.
		for (const entity of parsed.entities) entities.push({...entity, id: `${file}#${entity.id}`});
	}
	entities.push(...readEnhancedXml(fixtures(enhancedXmlFixture), `${enhancedXmlFixture}#`));
	return entities;
}

/** The names the lists type as former, new or weak, by entry id (as loadRealLists makes them). */
export function loadNameTypes(): NameTypes {
	const nameTypes: NameTypes = new Map();
	for (const file of listFixtures) {
		if (file.endsWith('_sdn.csv')) ofacAltTypes(fixtures(file.replace(/_sdn\.csv$/, '_alt.csv')), `${file}#`, nameTypes);
		else if (file.startsWith('ofac-xml/')) ofacXmlAkaTypes(fixtures(file), `${file}#`, nameTypes);
		else if (file.endsWith('.ftm.json')) ftmNameTypes(fixtures(file), `${file}#`, nameTypes);
	}
	readEnhancedXml(fixtures(enhancedXmlFixture), `${enhancedXmlFixture}#`, nameTypes);
	return nameTypes;
}

type Row = Record<string, string>;
const readCsv = (path: string): Row[] => parse(readFileSync(fixtures(path), 'utf8'), {columns: true, skip_empty_lines: true}) as Row[];

export type LabelledName = {name: string; origin: string};

// A security's name as the exchanges publish it: the company's name, then what the security is
// ("Agilent Technologies, Inc. Common Stock", "Artius II Acquisition Inc. - Class A Ordinary Shares").
const securityDescription =
	/\s+(?:-\s.*|(?:Class [A-Z]\b|Common|Ordinary|Preferred|Pfd|Perp|Cumulative|Cum |Non[- ]?Cum|Depositary|Depository|American Depositary|American Depository|ADS\b|ADR\b|Senior|Subordinated|Notes?\b|Warrants?\b|Units?\b|Rights?\b|Shares?\b|Series [A-Z0-9]\b|Fixed|Floating|\d[\d./]*\s?%).*)$/;

/** The company's name in an exchange's security name, or '' when nothing is left. */
export function companyOfSecurity(security: string): string {
	return security
		.replace(securityDescription, '')
		.replace(/[\s,(]+$/, '')
		.trim();
}

/** Real names on no list: S&P 500 constituents, NYSE and Nasdaq listed companies, Simple Icons titles and their other names, less listed-names.csv. */
export function unlistedNames(): LabelledName[] {
	const listed = new Set(readCsv('names/listed-names.csv').map(row => row.name!));
	const names: LabelledName[] = [];
	const seen = new Set<string>();
	const add = (name: string, origin: string): void => {
		// Some published names hold double spaces ("Semiconductor  Manufacturing"): one space, as listed-names.csv writes them.
		const trimmed = name.replace(/\s+/g, ' ').trim();
		if (!trimmed || listed.has(trimmed) || seen.has(trimmed)) return;
		seen.add(trimmed);
		names.push({name: trimmed, origin});
	};
	for (const row of readCsv('names/sp500-constituents.csv')) add(row.Name!, 'S&P 500');
	for (const row of readCsv('names/simple-icons-16.37.0-titles.csv')) {
		add(row.title!, 'Simple Icons');
		for (const other of (row.other_names ?? '').split('; ')) add(other, 'Simple Icons (other name)');
	}
	// After the others, so that those keep their names and order (the speed benches' inventories are made of them).
	for (const row of readCsv('names/nyse-listed.csv')) add(companyOfSecurity(row['Company Name']!), 'NYSE');
	// The file ends with its creation time and an empty row, which are no companies; nor is Nasdaq's test stock.
	for (const row of readCsv('names/nasdaq-listed-2025-09-30.csv'))
		if (row.Symbol && !row.Symbol.startsWith('File Creation Time') && !/\btest stock\b/i.test(row['Security Name']!))
			add(companyOfSecurity(row['Security Name']!), 'Nasdaq');
	return names;
}

/** The S&P 500 and Simple Icons names alone: the inventories of the speed benches, kept as they were measured before the exchanges' names came. */
export function indexAndBrandNames(): LabelledName[] {
	return unlistedNames().filter(({origin}) => origin === 'S&P 500' || origin.startsWith('Simple Icons'));
}

/**
 * What a name is to the entry's other names: a variant (the same name in another
 * spelling or script, variant-rule.ts), an acronym of one, a former or new name or a
 * weak alias (as the list types it), or another name altogether.
 */
export type PositiveLabel = 'variant' | 'acronym' | 'former or new name' | 'weak alias' | 'other name';
export type Positive = {query: string; entityId: string; category: 'alias' | 'other script'; label: PositiveLabel};

const latinOnly = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]*$/u;
const separator = '\u0000';

/**
 * Leave one out: every name of an entry with two or more names is a query, and it
 * is found when it meets another of that entry's names. So the index holds each
 * name as an entry of its own ("<entry id>\u0000<position>"). Every query is kept
 * with its label, so a report can show the variants and the whole noisy set.
 */
export function variantPositives(
	entities: readonly ScreeningEntity[],
	nameTypes: NameTypes = new Map(),
): {names: ScreeningEntity[]; positives: Positive[]} {
	const names: ScreeningEntity[] = [];
	const positives: Positive[] = [];
	for (const entity of entities) {
		const kind = entity.type === 'person' ? 'person' : 'entity';
		// Names that are one name in the rule's reference form count once: the set never depends on the matcher's normaliser.
		const distinct = new Map<string, string>();
		for (const name of [entity.name, ...entity.aliases]) {
			const key = referenceKey(name, kind === 'person');
			if (key && !distinct.has(key)) distinct.set(key, name);
		}
		[...distinct.values()].forEach((name, position) =>
			names.push({...entity, id: `${entity.id}${separator}${position}`, name, aliases: []}),
		);
		if (distinct.size < 2) continue;
		const types = nameTypes.get(entity.id);
		const typeOf = (name: string) => types?.get(nameKey(name));
		const current = [...distinct.values()].filter(name => {
			const type = typeOf(name);
			return type !== 'fka' && type !== 'nka' && type !== 'weak';
		});
		for (const name of distinct.values()) {
			const category = latinOnly.test(name) ? 'alias' : 'other script';
			positives.push({query: name, entityId: entity.id, category, label: labelOf(name, typeOf(name), current, kind === 'person')});
		}
	}
	return {names, positives};
}

function labelOf(name: string, type: string | undefined, current: readonly string[], person: boolean): PositiveLabel {
	if (type === 'fka' || type === 'nka') return 'former or new name';
	if (type === 'weak') return 'weak alias';
	const others = current.filter(other => other !== name);
	if (others.some(other => sameNameRespelt(name, other, person))) return 'variant';
	if (others.some(other => isAcronymOf(name, other) || isAcronymOf(other, name))) return 'acronym';
	return 'other name';
}

/** The positive is found: some other name of its entry met it. */
export function foundElsewhere(positive: Positive, matchedIds: readonly string[], matchedNames: readonly string[]): boolean {
	return matchedIds.some((id, at) => id.startsWith(`${positive.entityId}${separator}`) && matchedNames[at] !== positive.query);
}

/** `word` is the distinctive word of `source` that `query` replaced or dropped. */
export type HardNegative = {query: string; sourceId: string; source: string; word: string};

/**
 * Real organisation names whose identity rests on one distinctive word among generic
 * ones ("China Unicom Americas", "Beijing Megvii Technology"): that word replaced by a
 * distinctive word of a real unlisted name ("China Telecom Americas" has the same
 * shape), and dropped ("Beijing Technology"). Neither may hit a name of the entry it
 * came from that holds that word (hitByHardNegative). A hit on another of the
 * entry's names, one that never had the word, is no false hit: the list itself
 * names the entry without it.
 */
export function hardNegatives(entities: readonly ScreeningEntity[], unlisted: readonly LabelledName[], seed = 5): HardNegative[] {
	const random = seededRandom(seed);
	const listTokens = new Set(entities.flatMap(entity => [entity.name, ...entity.aliases].flatMap(name => normalizeName(name).tokens)));
	const replacements = [
		...new Set(unlisted.flatMap(({name}) => normalizeName(name).tokens.filter(token => token.length >= 4 && isDistinctive(token)))),
	]
		.filter(token => !listTokens.has(token))
		.sort();
	const negatives: HardNegative[] = [];
	for (const entity of entities) {
		if (entity.type === 'person') continue;
		const names = [entity.name, ...entity.aliases];
		// An entry with a name of generic words alone ("Semiconductor Manufacturing International
		// Corporation") is rightly hit by them: no negative can be made from it by dropping a word.
		if (names.some(name => !normalizeName(name).tokens.some(isDistinctive))) continue;
		for (const name of names) {
			const {tokens} = normalizeName(name);
			const distinctive = tokens.filter(isDistinctive);
			if (distinctive.length !== 1 || tokens.length < 2) continue;
			const replacement = replacements[Math.floor(random() * replacements.length)]!;
			const replaced = tokens.map(token => (token === distinctive[0] ? replacement : token)).join(' ');
			const word = distinctive[0]!;
			negatives.push({query: replaced, sourceId: entity.id, source: name, word});
			negatives.push({query: tokens.filter(token => token !== word).join(' '), sourceId: entity.id, source: name, word});
		}
	}
	return negatives;
}

/** The hard negative hit its entry on a name holding the word it replaced or dropped. */
export function hitByHardNegative(negative: HardNegative, matches: ReadonlyArray<{entity: {id: string}; matchedName: string}>): boolean {
	return matches.some(match => match.entity.id === negative.sourceId && normalizeName(match.matchedName).tokens.includes(negative.word));
}
