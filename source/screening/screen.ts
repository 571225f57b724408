// Screening an inventory: every vendor's names against every list entry (through
// the candidate index), plus the join from inventory rows to the curated vendors
// of the records dataset, whose legal, alias and original-script names widen the search.
import type {Vendor, ScreeningEntity} from '../records/index.js';
import {buildIndex, matchIndexed, type CandidateIndex, type IndexCore, type IndexedMatch} from './candidate-index.js';
import type {CountryAgreement} from './country.js';
import {curatedEntry, curatedListName, joinCurated, withoutParentheses, type CuratedJoin, type CuratedNameSearch} from './curated-join.js';
import type {InventoryVendor} from './inventory.js';
import {normalizeName} from './normalize.js';
import {kindPerson, kindStrict} from './entity-table.js';
import {defaultThreshold, round, scoreNames, type NameScore, type TokenScore} from './score.js';
import {oncePer} from './once-per.js';
import {rememberIn} from './bounded-memo.js';
import type {TokenStatistics} from './token-weights.js';

export type HitExplanation = {
	queryName: string;
	/** Whose name queryName is: the vendor's (its own, an alias, a curated vendor's it joined) or its parent company's. */
	queryRole: QueryRole;
	listName: string;
	normalizedQuery: string;
	normalizedList: string;
	/** Each token's similarity and, beside it, its weight on either side. */
	tokenScores: TokenScore[];
	countryAgreement: CountryAgreement;
	list: string;
	entryId: string;
	programs: string[];
	listedOn: string | null;
	/** Rules applied and limits reached, in words (see scoreRules and normalizeName). */
	notes: string[];
};

/** A finding: a list entry the vendor's names met ("list"), or a curated vendor the row joined ("curated"). */
export type HitKind = 'list' | 'curated';

export type ScreeningHit = {
	kind: HitKind;
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

export type ScreenOptions = {
	threshold?: number;
	curatedVendors?: readonly Vendor[];
	/**
	 * Per vendor id, the curated vendors its row joins (their ids, in join order), when they were found
	 * before (a worker's earlier slice): the joins are then not made again, only their names screened.
	 */
	knownJoins?: ReadonlyMap<string, readonly string[]>;
	/**
	 * The index ends with the curated vendors' entries (curatedIndexEntries): a row's names are searched
	 * once, for its list hits and its joins alike. Otherwise rows are joined on an index of their own.
	 */
	curatedInIndex?: boolean;
};

export type QueryRole = 'vendor' | 'parent';
type QueryName = {name: string; via: string | null; role: QueryRole};

/**
 * A hit as a thread without the entry objects makes it: a list entry by its
 * position in the index (the explanation's entry fields left for attachEntry to
 * fill), a curated vendor's entry as itself.
 */
export type DetachedHit = Omit<ScreeningHit, 'entry'> & {entry: number | ScreeningEntity};

/** One best hit per (vendor, list entry), vendors in inventory order, hits best first. */
export function screenInventory(
	inventory: readonly InventoryVendor[],
	entities: readonly ScreeningEntity[] | CandidateIndex,
	options: ScreenOptions = {},
): ScreeningHit[] {
	const index = isIndex(entities) ? entities : buildIndex(entities);
	return listHits(inventory, index, options).map(hit => attachEntry(hit, index.entities));
}

/** A detached hit with its entry object, and the explanation's entry fields from it. */
export function attachEntry(hit: DetachedHit, entities: readonly ScreeningEntity[]): ScreeningHit {
	if (typeof hit.entry !== 'number') return {...hit, entry: hit.entry};
	const entry = entities[hit.entry]!;
	return {
		...hit,
		entry,
		explanation: {...hit.explanation, list: entry.list, entryId: entry.id, programs: entry.programs, listedOn: entry.listedOn},
	};
}

/** screenInventory's hits, detached: what a worker thread holding only the index can make. */
export function listHits(inventory: readonly InventoryVendor[], index: IndexCore, options: ScreenOptions = {}): DetachedHit[] {
	const {curatedVendors = [], knownJoins, threshold = defaultThreshold} = options;
	const hits: DetachedHit[] = [];
	const joined = knownJoins && joinedEntries(curatedVendors, knownJoins);
	for (const vendor of inventory) {
		const search = vendorSearch(vendor, index, options);
		hits.push(...vendorListHits(vendor, index, joined ? joined(vendor) : rowJoins(vendor, curatedVendors, threshold, search), search));
	}
	return hits;
}

/** A row's names searched in the index, each once: for its list hits and (curatedInIndex) its joins. */
type VendorSearch = {
	/** `joinedName`: a curated vendor's name the row was joined to, searched for other rows joined to it too. */
	matches: (name: string, joinedName?: boolean) => IndexedMatch[];
	firstCurated: number;
	join: CuratedNameSearch | undefined;
};

/**
 * Searches of the curated vendors' names, by threshold, country and name, per index: every row joined to
 * a vendor screens all of its names, and the rows joined to one vendor are often many (a group's
 * subsidiaries, products, spellings), in any slice of the inventory a worker is given. A search's result
 * depends only on the index, the threshold, the name and the country. Bounded: cleared when full.
 */
const joinedNameSearches = oncePer((_index: IndexCore) => new Map<string, IndexedMatch[]>());
const joinedNameLimit = 5_000;

function vendorSearch(vendor: InventoryVendor, index: IndexCore, options: ScreenOptions): VendorSearch {
	const {threshold = defaultThreshold, curatedVendors = [], curatedInIndex = false} = options;
	const found = new Map<string, IndexedMatch[]>();
	const search = (name: string) => matchIndexed(index, name, {threshold, country: vendor.country});
	const matches = (name: string, joinedName = false): IndexedMatch[] => {
		let named = found.get(name);
		if (!named) {
			if (joinedName) {
				const key = `${threshold}\u0000${vendor.country ?? ''}\u0000${name}`;
				named = rememberIn(joinedNameSearches(index), key, joinedNameLimit, () => search(name));
			} else named = search(name);
			found.set(name, named);
		}
		return named;
	};
	if (!curatedInIndex) return {matches, firstCurated: index.table.count, join: undefined};
	const firstCurated = index.table.count - curatedVendors.length;
	const join: CuratedNameSearch = {
		statistics: index.statistics,
		matches: name =>
			matches(name).flatMap(match =>
				match.entity < firstCurated
					? []
					: [{vendorId: curatedVendors[match.entity - firstCurated]!.id, matchedName: index.nameOf(match.entity, match.alias)}],
			),
	};
	return {matches, firstCurated, join};
}

/** One vendor's list hits, best first. */
function vendorListHits(
	vendor: InventoryVendor,
	index: IndexCore,
	joins: readonly CuratedEntryJoin[],
	{matches, firstCurated}: VendorSearch,
): DetachedHit[] {
	// Keyed as entry objects are told apart, by id: the first entry with the same id stands for all. Only
	// the best match of each entry is explained (scored in full), once all the vendor's names are searched.
	const best = new Map<number, {query: QueryName; match: IndexedMatch}>();
	for (const query of queryNames(vendor, joins)) {
		for (const match of matches(query.name, query.via !== null)) {
			if (match.entity >= firstCurated) continue;
			const group = index.table.groups[match.entity]!;
			const previous = best.get(group);
			// Against the score as the hit keeps it (rounded): a later name scoring a hair higher does not displace it.
			if (previous && round(previous.match.score) >= match.score) continue;
			best.set(group, {query, match});
		}
	}
	return [...best.values()].map(({query, match}) => listHit(vendor, index, query, match)).sort((x, y) => y.score - x.score);
}

// The rows joined to one curated vendor all screen its names and meet the same list entries: of a
// 10,000-row inventory's 1,582 list hits, 368 were different pairs of names. Each pair is explained
// once per index; hits are plain data that nothing changes, so they share it.
const explanationLimit = 20_000;
const explanations = oncePer((_index: IndexCore) => new Map<string, NameScore>());

function explainedScore(index: IndexCore, queryName: string, matchedName: string, kind: number): NameScore {
	const key = `${kind & (kindPerson | kindStrict)}\u0000${queryName}\u0000${matchedName}`;
	return rememberIn(explanations(index), key, explanationLimit, () =>
		scoreNames(queryName, matchedName, {
			kindB: kind & kindPerson ? 'person' : 'entity',
			entryKind: kind & kindStrict ? 'strict' : 'organisation',
			statistics: index.statistics,
		}),
	);
}

/** A list hit, its explanation scored in full. */
function listHit(vendor: InventoryVendor, index: IndexCore, query: QueryName, match: IndexedMatch): DetachedHit {
	const kind = index.table.kinds[match.entity]!;
	const matchedName = index.nameOf(match.entity, match.alias);
	const nameScore = explainedScore(index, query.name, matchedName, kind);
	return {
		kind: 'list',
		vendor: {id: vendor.id, name: vendor.name},
		entry: match.entity,
		matchedName,
		queryName: query.name,
		via: query.via,
		score: round(match.score),
		explanation: {
			queryName: query.name,
			queryRole: query.role,
			listName: matchedName,
			normalizedQuery: nameScore.normalizedA,
			normalizedList: nameScore.normalizedB,
			tokenScores: nameScore.tokenScores,
			countryAgreement: match.countryAgreement,
			// The entry's fields, filled by attachEntry where the entry objects are.
			list: '',
			entryId: '',
			programs: [],
			listedOn: null,
			notes: nameScore.notes,
		},
	};
}

/**
 * Everything a vendor's screening finds, vendors in inventory order: each
 * vendor's curated joins, then its list hits. Vendors are screened one by one,
 * so a slice of the inventory gives the same hits as the whole.
 */
export function screenVendors(
	inventory: readonly InventoryVendor[],
	index: IndexCore,
	options: ScreenOptions & {curatedVendors: readonly Vendor[]},
): DetachedHit[] {
	const {threshold = defaultThreshold, curatedVendors} = options;
	const hits: DetachedHit[] = [];
	for (const vendor of inventory) {
		const search = vendorSearch(vendor, index, options);
		const joins = rowJoins(vendor, curatedVendors, threshold, search);
		hits.push(...joins.map(join => curatedFinding(vendor, join)), ...vendorListHits(vendor, index, joins, search));
	}
	return hits;
}

/** Vendors in inventory order; within a vendor, the order the hits came in (a stable sort). */
export function inVendorOrder<Hit extends {vendor: {id: string}}>(vendors: readonly InventoryVendor[], hits: Hit[]): Hit[] {
	const order = new Map(vendors.map((vendor, position) => [vendor.id, position]));
	return hits.sort((a, b) => order.get(a.vendor.id)! - order.get(b.vendor.id)!);
}

const joinReasons: Record<CuratedJoin['reason'], string | null> = {
	name: null,
	'contains-name': 'joined because the name contains the curated name whole',
	product: 'joined because a product of the row contains the curated name whole',
};

/** The curated joins of every row as findings (kind "curated"), rows in inventory order. */
export function curatedFindings(
	inventory: readonly InventoryVendor[],
	curatedVendors: readonly Vendor[],
	{threshold = defaultThreshold}: {threshold?: number} = {},
): ScreeningHit[] {
	return inventory.flatMap(vendor => rowJoins(vendor, curatedVendors, threshold).map(join => curatedFinding(vendor, join)));
}

function curatedFinding(vendor: InventoryVendor, join: CuratedJoin): ScreeningHit {
	const reason = joinReasons[join.reason];
	return {
		kind: 'curated',
		vendor: {id: vendor.id, name: vendor.name},
		entry: join.entry,
		matchedName: join.matchedName,
		queryName: join.queryName,
		via: null,
		score: round(join.score),
		explanation: {
			queryName: join.queryName,
			queryRole: 'vendor',
			listName: join.matchedName,
			normalizedQuery: join.nameScore.normalizedA,
			normalizedList: join.nameScore.normalizedB,
			tokenScores: join.nameScore.tokenScores,
			countryAgreement: 'unknown',
			list: curatedListName,
			entryId: join.entry.id,
			programs: [],
			listedOn: null,
			notes: reason ? [...join.nameScore.notes, reason] : join.nameScore.notes,
		},
	};
}

// A row's joins widen its list screening and are findings of their own: made once per row (and way of joining).
type RowJoins = {curated: readonly Vendor[]; threshold: number; statistics: TokenStatistics | null; joins: CuratedJoin[]};
const joinsOfRow = new WeakMap<InventoryVendor, RowJoins>();

function rowJoins(vendor: InventoryVendor, curated: readonly Vendor[], threshold: number, search?: VendorSearch): CuratedJoin[] {
	const statistics = search?.join?.statistics ?? null;
	const known = joinsOfRow.get(vendor);
	if (known && known.curated === curated && known.threshold === threshold && known.statistics === statistics) return known.joins;
	const joins = joinCurated(vendor, curated, {threshold, search: search?.join});
	joinsOfRow.set(vendor, {curated, threshold, statistics, joins});
	return joins;
}

function isIndex(value: readonly ScreeningEntity[] | CandidateIndex): value is CandidateIndex {
	return !Array.isArray(value) && 'tokenIds' in value;
}

/** The joins knownJoins names, as rowJoins would give them for what queryNames reads. */
function joinedEntries(
	curated: readonly Vendor[],
	knownJoins: ReadonlyMap<string, readonly string[]>,
): (vendor: InventoryVendor) => CuratedEntryJoin[] {
	const entries = new Map(curated.map(vendor => [vendor.id, curatedEntry(vendor)]));
	return vendor => (knownJoins.get(vendor.id) ?? []).map(vendorId => ({vendorId, entry: entries.get(vendorId)!}));
}

type CuratedEntryJoin = Pick<CuratedJoin, 'vendorId' | 'entry'>;

function queryNames(vendor: InventoryVendor, joins: readonly CuratedEntryJoin[]): QueryName[] {
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
	for (const join of joins) {
		add(join.entry.name, join.vendorId);
		for (const name of join.entry.aliases) add(name, join.vendorId);
	}
	// A subsidiary is exposed through a listed parent ("Ezviz", parent Hikvision): the parent is screened too.
	if (vendor.parent) add(vendor.parent, null, 'parent');
	return names;
}
