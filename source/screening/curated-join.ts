// The join from an inventory row to the curated vendors of the records dataset,
// made with the same matcher as list screening: the curated vendors' names,
// aliases, legal-entity and original-script names become the entries of a small
// candidate index. A row also joins a vendor by containing one of its names whole
// ("Kaspersky Endpoint Security"), or through a product that does; the join's score
// is always that of the reviewer's own name.
import type {ScreeningEntity, Vendor} from '../records/index.js';
import {buildIndex, matchName, type CandidateIndex} from './candidate-index.js';
import type {InventoryVendor} from './inventory.js';
import {normalizeName} from './normalize.js';
import {defaultThreshold, scoreNames, type NameScore} from './score.js';
import {isDictionaryWord} from './dictionary-words.js';
import {isDistinctive, type TokenStatistics} from './token-weights.js';

/** The list name curated findings carry, and the entry id prefix that tells them from list entries. */
export const curatedListName = 'curated records';
export const curatedEntryPrefix = 'curated:';

export type JoinReason = 'name' | 'contains-name' | 'product';

export type CuratedJoin = {
	vendorId: string;
	entry: ScreeningEntity;
	/** The row's own name (or alias) the join is scored on. */
	queryName: string;
	/** The curated name it met. */
	matchedName: string;
	score: number;
	reason: JoinReason;
	nameScore: NameScore;
};

type Containable = {vendorId: string; name: string; tokens: readonly string[]};
type CuratedIndex = {
	/** Built on first use: a row joined through the list's own index (CuratedNameSearch) never needs it. */
	index: () => CandidateIndex;
	entries: Map<string, ScreeningEntity>;
	containable: Containable[];
	/** Positions in `containable` by each name's first token: a row can contain only the names whose first token it has. */
	containableByToken: Map<string, number[]>;
	/** Each curated vendor's position in the curated data, the order of a row's joins. */
	order: Map<string, number>;
};

const indexes = new WeakMap<readonly Vendor[], CuratedIndex>();

/** Every name a curated vendor is known by. */
export function curatedNames(vendor: Vendor): string[] {
	const raw = [vendor.name, ...vendor.aliases, ...vendor.entities.flatMap(entity => [entity.name, entity.originalScript ?? ''])];
	return [...new Set(raw.filter(Boolean).flatMap(withoutNotes))];
}

/**
 * The curated data notes what an alias is in brackets, in lower-case words ("Douyin (China app)", "Predator
 * (spyware)", "HiSilicon (海思半导体, subsidiary)"), where a bracketed name is capitalised ("China Telecom
 * (Americas)", "(JSC Positive Technologies)"). A note is no part of the name: the alias is also known without
 * it, and a part of the bracket with no lower-case word (海思半导体) is a name of its own.
 */
function withoutNotes(name: string): string[] {
	const names = [name];
	const notes = [...name.matchAll(bracketed)].filter(([, inside]) => noteWord.test(inside!));
	if (notes.length === 0) return names;
	let bare = name;
	for (const [whole, inside] of notes) {
		bare = bare.replace(whole, ' ');
		for (const part of inside!.split(/[,;]/)) if (!noteWord.test(part) && part.trim()) names.push(part.trim());
	}
	names.push(bare.replace(/\s+/g, ' ').trim());
	return names.filter(Boolean);
}
const bracketed = /[(（]([^()（）]*)[)）]/gu;
/** A word opening with a lower-case Latin letter ("app", "subsidiary", "a.k.a."). */
const noteWord = /(?<![\p{L}\p{N}])[a-z]/u;

/** A curated vendor as a list entry, so its join is a finding like a list hit. */
export function curatedEntry(vendor: Vendor): ScreeningEntity {
	const [name, ...aliases] = curatedNames(vendor);
	return {
		id: `${curatedEntryPrefix}${vendor.id}`,
		name: name!,
		aliases,
		type: 'entity',
		addresses: [],
		countries: vendor.hq ? [vendor.hq] : [],
		list: curatedListName,
		programs: [],
		listedOn: null,
		federalRegisterNotice: null,
		remarks: null,
		sourceUrls: [],
		identifiers: [],
	};
}

function curatedIndex(vendors: readonly Vendor[]): CuratedIndex {
	let prepared = indexes.get(vendors);
	if (!prepared) {
		const entities = vendors.map(curatedEntry);
		const containable: Containable[] = [];
		for (const vendor of vendors) {
			for (const name of curatedNames(vendor)) {
				const {tokens} = normalizeName(name);
				if (isContainable(tokens)) containable.push({vendorId: vendor.id, name, tokens});
			}
		}
		const containableByToken = new Map<string, number[]>();
		containable.forEach(({tokens}, position) =>
			containableByToken.set(tokens[0]!, [...(containableByToken.get(tokens[0]!) ?? []), position]),
		);
		let index: CandidateIndex | undefined;
		prepared = {
			index: () => (index ??= buildIndex(entities)),
			entries: new Map(entities.map(entity => [entity.id, entity])),
			containable,
			containableByToken,
			order: new Map(vendors.map((vendor, position) => [vendor.id, position])),
		};
		indexes.set(vendors, prepared);
	}
	return prepared;
}

/**
 * Containment ("Kaspersky Endpoint Security" contains "Kaspersky") is allowed only
 * for a curated name with a distinctive word of 5+ letters, and a one-word name only
 * when that word is no English word: "PT" (Positive Technologies), "QQ" (Tencent) or
 * "face" (from Megvii's "Face++") inside a longer name is far more often something
 * else ("Hugging Face"), and so is "Predator" (Intellexa's spyware) inside "Acer
 * Predator"; "Positive Technologies" whole is still that vendor's.
 */
function isContainable(tokens: readonly string[]): boolean {
	return tokens.some(token => token.length >= 5 && isDistinctive(token) && (tokens.length > 1 || !isDictionaryWord(token)));
}

/**
 * The curated vendors' entries as they join a list's candidate index: at its end, in the curated data's
 * order, so that one search of a row's names finds its list entries and its curated vendors alike
 * (screen.ts). Without countries: a join is by name, wherever the row says it is.
 */
export function curatedIndexEntries(vendors: readonly Vendor[]): ScreeningEntity[] {
	return vendors.map(vendor => ({...curatedEntry(vendor), countries: []}));
}

type JoinRow = Pick<InventoryVendor, 'name' | 'aliases'> & {products?: readonly string[]};

/** The curated names a name of the row meets, found by the list screening's own search (curatedIndexEntries). */
export type CuratedNameSearch = {
	matches: (queryName: string) => ReadonlyArray<{vendorId: string; matchedName: string}>;
	/** That index's token statistics: the join is scored as its list hits are. */
	statistics: TokenStatistics;
};

/** The name with its bracketed parts taken out ("Pozitiv Teknolodzhiz (JSC Positive Technologies)" -> "Pozitiv Teknolodzhiz"). */
export function withoutParentheses(name: string): string {
	// Most names have no bracket: the costlier Unicode expression is skipped for them.
	const opened = name.includes('(') || name.includes('（');
	return (opened ? name.replace(/\s*[(（][^()（）]*[)）]/gu, ' ') : name).replace(/\s+/g, ' ').trim();
}

/**
 * The curated vendors a row joins, one join per vendor (the best), in the order of the curated data.
 * `search`: the name joins as the list index found them; without it, a candidate index of the curated names alone.
 */
export function joinCurated(
	row: JoinRow,
	vendors: readonly Vendor[],
	{threshold = defaultThreshold, search}: {threshold?: number; search?: CuratedNameSearch} = {},
): CuratedJoin[] {
	if (vendors.length === 0) return [];
	const {index, entries, containable, containableByToken, order} = curatedIndex(vendors);
	const statistics = search?.statistics ?? index().statistics;
	// "Semiconductor Manufacturing International Corporation (SMIC)" is two names in one, as in list screening (screen.ts).
	const ownNames = [...new Set([row.name, ...row.aliases].flatMap(name => [name, withoutParentheses(name)]))].filter(
		name => normalizeName(name).tokens.length > 0,
	);
	const best = new Map<string, CuratedJoin>();
	const offer = (vendorId: string, queryName: string, matchedName: string, reason: JoinReason): void => {
		const entry = entries.get(`${curatedEntryPrefix}${vendorId}`)!;
		const nameScore = scoreNames(queryName, matchedName, {statistics});
		const previous = best.get(vendorId);
		if (previous && (previous.reason === 'name' || reason !== 'name') && previous.score >= nameScore.score) return;
		best.set(vendorId, {vendorId, entry, queryName, matchedName, score: nameScore.score, reason, nameScore});
	};
	for (const queryName of ownNames) {
		const matches = search
			? search.matches(queryName)
			: matchName(index(), queryName, {threshold}).map(match => ({
					vendorId: match.entity.id.slice(curatedEntryPrefix.length),
					matchedName: match.matchedName,
				}));
		for (const {vendorId, matchedName} of matches) offer(vendorId, queryName, matchedName, 'name');
	}
	const rowTokens = ownNames.map(name => ({name, tokens: new Set(normalizeName(name).tokens)}));
	const productTokens = (row.products ?? []).map(name => new Set(normalizeName(name).tokens));
	// Only the names whose first token the row has (by a name or a product) can be contained; in the order of `containable`, as ties fall.
	const reachable = new Set<number>();
	for (const tokens of [...rowTokens.map(({tokens}) => tokens), ...productTokens])
		for (const token of tokens) for (const position of containableByToken.get(token) ?? []) reachable.add(position);
	for (const position of [...reachable].sort((x, y) => x - y)) {
		const candidate = containable[position]!;
		if (best.get(candidate.vendorId)?.reason === 'name') continue;
		const within = rowTokens.find(({tokens}) => candidate.tokens.every(token => tokens.has(token)));
		if (within) offer(candidate.vendorId, within.name, candidate.name, 'contains-name');
		else if (ownNames.length > 0 && productTokens.some(tokens => candidate.tokens.every(token => tokens.has(token))))
			offer(candidate.vendorId, ownNames[0]!, candidate.name, 'product');
	}
	return [...best.values()].sort((x, y) => order.get(x.vendorId)! - order.get(y.vendorId)!);
}

/**
 * Ids of the curated vendors (records dataset) an inventory row is: by name score
 * against their names, aliases, legal-entity names and original-script names, or by
 * containing one of those names whole. Containment suits this join (a product or
 * division named after the brand is that vendor's) but not list screening, where an
 * entry is one legal entity and containment would flag every company whose name
 * merely includes a listed word.
 */
export function matchCuratedVendors(row: JoinRow, vendors: readonly Vendor[], options: {threshold?: number} = {}): string[] {
	return joinCurated(row, vendors, options).map(join => join.vendorId);
}
