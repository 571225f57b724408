// Screening an inventory: every vendor's names against every list entry (through
// the candidate index), plus the join from inventory rows to the curated vendors
// of the records dataset, whose legal, alias and original-script names widen the search.
import type {Vendor, ScreeningEntity} from '../records/index.js';
import {buildIndex, matchName, type CandidateIndex} from './candidate-index.js';
import type {CountryAgreement} from './country.js';
import type {InventoryVendor} from './inventory.js';
import {normalizeName} from './normalize.js';
import {entityKind} from './score-candidate.js';
import {defaultThreshold, round, scoreNames, scoreTokens, type TokenScore} from './score.js';
import {weakWords} from './legal-forms.js';

export type HitExplanation = {
	queryName: string;
	/** Whose name queryName is: the vendor's (its own, an alias, a curated vendor's it joined) or its parent company's. */
	queryRole: QueryRole;
	listName: string;
	normalizedQuery: string;
	normalizedList: string;
	tokenScores: TokenScore[];
	countryAgreement: CountryAgreement;
	list: string;
	entryId: string;
	programs: string[];
	listedOn: string | null;
};

export type ScreeningHit = {
	vendor: {id: string; name: string};
	entry: ScreeningEntity;
	/** The entry's name or alias that matched. */
	matchedName: string;
	/** The name screened: the vendor's own name or alias, or a curated vendor's name (see `via`). */
	queryName: string;
	/** Id of the curated vendor that supplied queryName, or null when it is the inventory's own name. */
	via: string | null;
	score: number;
	explanation: HitExplanation;
};

export type ScreenOptions = {threshold?: number; curatedVendors?: readonly Vendor[]};

export type QueryRole = 'vendor' | 'parent';
type QueryName = {name: string; via: string | null; role: QueryRole};

/** One best hit per (vendor, list entry), vendors in inventory order, hits best first. */
export function screenInventory(
	inventory: readonly InventoryVendor[],
	entities: readonly ScreeningEntity[] | CandidateIndex,
	{threshold = defaultThreshold, curatedVendors}: ScreenOptions = {},
): ScreeningHit[] {
	const index = isIndex(entities) ? entities : buildIndex(entities);
	const curated = curatedVendors ? prepareCurated(curatedVendors) : [];
	const hits: ScreeningHit[] = [];
	for (const vendor of inventory) {
		const best = new Map<string, ScreeningHit>();
		for (const query of queryNames(vendor, curated, threshold)) {
			for (const match of matchName(index, query.name, {threshold, country: vendor.country})) {
				const previous = best.get(match.entity.id);
				if (previous && previous.score >= match.score) continue;
				const nameScore = scoreNames(query.name, match.matchedName, {kindB: entityKind(match.entity)});
				best.set(match.entity.id, {
					vendor: {id: vendor.id, name: vendor.name},
					entry: match.entity,
					matchedName: match.matchedName,
					queryName: query.name,
					via: query.via,
					score: round(match.score),
					explanation: {
						queryName: query.name,
						queryRole: query.role,
						listName: match.matchedName,
						normalizedQuery: nameScore.normalizedA,
						normalizedList: nameScore.normalizedB,
						tokenScores: nameScore.tokenScores,
						countryAgreement: match.countryAgreement,
						list: match.entity.list,
						entryId: match.entity.id,
						programs: match.entity.programs,
						listedOn: match.entity.listedOn,
					},
				});
			}
		}
		hits.push(...[...best.values()].sort((x, y) => y.score - x.score));
	}
	return hits;
}

function isIndex(value: readonly ScreeningEntity[] | CandidateIndex): value is CandidateIndex {
	return !Array.isArray(value) && 'tokenIds' in value;
}

function queryNames(vendor: InventoryVendor, curated: CuratedNames[], threshold: number): QueryName[] {
	const names: QueryName[] = [];
	const seen = new Set<string>();
	const add = (name: string, via: string | null, role: QueryRole = 'vendor'): void => {
		// "Aktsionernoe Obshchestvo Pozitiv Teknolodzhiz (JSC Positive Technologies)" is two
		// names in one; the bracket-free form is screened too, so neither half dilutes the other.
		for (const variant of [name, withoutParentheses(name)]) {
			const key = normalizeName(variant).normalized;
			if (key === '' || seen.has(key)) continue;
			seen.add(key);
			names.push({name: variant, via, role});
		}
	};
	for (const name of [vendor.name, ...vendor.aliases]) add(name, null);
	for (const id of matchPrepared(vendor, curated, threshold)) {
		for (const {name} of curated.find(entry => entry.id === id)!.names) add(name, id);
	}
	// A subsidiary is exposed through a listed parent ("Ezviz", parent Hikvision): the parent is screened too.
	if (vendor.parent) add(vendor.parent, null, 'parent');
	return names;
}

function withoutParentheses(name: string): string {
	return name
		.replace(/\s*[(（][^()（）]*[)）]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

type CuratedNames = {id: string; names: Array<{name: string; tokens: string[]; containable: boolean}>};

const preparedCache = new WeakMap<readonly Vendor[], CuratedNames[]>();

function prepareCurated(vendors: readonly Vendor[]): CuratedNames[] {
	const cached = preparedCache.get(vendors);
	if (cached) return cached;
	const prepared = vendors.map(vendor => {
		const raw = [vendor.name, ...vendor.aliases, ...vendor.entities.flatMap(entity => [entity.name, entity.originalScript ?? ''])].filter(
			Boolean,
		);
		const names = [...new Set(raw)].map(name => {
			const {tokens} = normalizeName(name);
			return {name, tokens, containable: isContainable(tokens)};
		});
		return {id: vendor.id, names};
	});
	preparedCache.set(vendors, prepared);
	return prepared;
}

/**
 * Containment ("Kaspersky Endpoint Security" contains "Kaspersky") is allowed only
 * for a curated name with a distinctive word of 4+ letters: "PT" (Positive
 * Technologies) or "QQ" (Tencent) inside a longer name is far more often something else.
 */
function isContainable(tokens: readonly string[]): boolean {
	return tokens.some(token => token.length >= 4 && !weakWords.has(token));
}

function matchPrepared(
	vendor: Pick<InventoryVendor, 'name' | 'aliases'> & {products?: readonly string[]},
	curated: CuratedNames[],
	threshold: number,
): string[] {
	const tokensOf = (names: readonly string[]) => names.map(name => normalizeName(name).tokens).filter(tokens => tokens.length > 0);
	const nameTokens = tokensOf([vendor.name, ...vendor.aliases]);
	// Products join only by containing a brand whole ("Kaspersky Endpoint Security"): scored
	// as names, a generic product word ("Robotics") would join any vendor named with it.
	const productTokens = tokensOf(vendor.products ?? []);
	const ids: string[] = [];
	for (const candidate of curated) {
		const joined = candidate.names.some(curatedName => {
			const contained = (tokens: readonly string[]) => curatedName.containable && curatedName.tokens.every(token => tokens.includes(token));
			return (
				nameTokens.some(tokens => contained(tokens) || scoreTokens(tokens, curatedName.tokens).score >= threshold) ||
				productTokens.some(contained)
			);
		});
		if (joined) ids.push(candidate.id);
	}
	return ids;
}

/**
 * Ids of the curated vendors (records dataset) an inventory row is: by name score
 * against their names, aliases, legal-entity names and original-script names, or by
 * containing one of those names whole. Containment suits this join (a product or
 * division named after the brand is that vendor's) but not list screening, where an
 * entry is one legal entity and containment would flag every company whose name
 * merely includes a listed word.
 */
export function matchCuratedVendors(
	inventoryVendor: Pick<InventoryVendor, 'name' | 'aliases'> & {products?: readonly string[]},
	curatedVendors: readonly Vendor[],
	{threshold = defaultThreshold}: {threshold?: number} = {},
): string[] {
	return matchPrepared(inventoryVendor, prepareCurated(curatedVendors), threshold);
}
