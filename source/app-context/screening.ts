// The inventory side of a run: the organisation's vendors, joined to the curated
// vendors they are (carrying their restrictions) and to their screening hits; a
// hit confirmed as a match becomes a restriction on the vendor.
import {canonicalJson, type LogEntry} from '../decisions/index.js';
import {sha256Hex} from '../text/index.js';
import {buildCatalog, type Catalog, kindOfList, type Restriction, type Vendor, type ScreeningEntity} from '../records/index.js';
import {curatedEntryPrefix, type InventoryVendor, type ScreeningHit} from '../screening/index.js';

export type HitState = 'undecided' | 'confirmed-match' | 'false-positive';
export type JudgedHit = ScreeningHit & {state: HitState; stale: boolean; entryContentHash: string; vendorFingerprint: string};

/**
 * What a hit disposition is remembered against: the inventory row as written (not its derived restrictions).
 * The canonical JSON of these fields (keys sorted, strings, nulls and string arrays only) is exactly what
 * JSON.stringify writes for them in sorted order: the native writer is the one pass over 10,000 rows that costs nothing.
 */
export const inventoryFingerprint = (vendor: InventoryVendor) =>
	sha256Hex(
		JSON.stringify({
			aliases: vendor.aliases,
			country: vendor.country,
			name: vendor.name,
			owner: vendor.owner,
			parent: vendor.parent,
			products: vendor.products,
			website: vendor.website,
		}),
	);
// Hits of one entry share its object (the index's, or the screening cache's): hashed once, not once per hit.
const entryHashes = new WeakMap<ScreeningEntity, string>();
export function entryContentHash(entry: ScreeningEntity): string {
	let hash = entryHashes.get(entry);
	if (hash === undefined) {
		hash = sha256Hex(canonicalJson(entry));
		entryHashes.set(entry, hash);
	}
	return hash;
}

// Only vendors with hits are fingerprinted, each once while its row stands: before screening that is none of
// 10,000 rows, and a decision (which joins the run again) fingerprints nothing anew.
const fingerprints = new WeakMap<InventoryVendor, string>();
function fingerprintOf(vendor: InventoryVendor): string {
	let fingerprint = fingerprints.get(vendor);
	if (fingerprint === undefined) {
		fingerprint = inventoryFingerprint(vendor);
		fingerprints.set(vendor, fingerprint);
	}
	return fingerprint;
}
const inventoriesById = new WeakMap<readonly InventoryVendor[], Map<string, InventoryVendor>>();
function vendorsById(inventory: readonly InventoryVendor[]): Map<string, InventoryVendor> {
	let byId = inventoriesById.get(inventory);
	if (!byId) {
		byId = new Map(inventory.map(vendor => [vendor.id, vendor]));
		inventoriesById.set(inventory, byId);
	}
	return byId;
}

/**
 * The latest disposition of each (vendor, entry) pair stands while both sides are
 * unchanged; when either changes, the hit is raised again as undecided.
 */
export function judgeHits(hits: readonly ScreeningHit[], inventory: readonly InventoryVendor[], entries: readonly LogEntry[]): JudgedHit[] {
	const byId = vendorsById(inventory);
	const latest = new Map<string, Extract<LogEntry, {kind: 'disposition'}>>();
	for (const entry of entries) if (entry.kind === 'disposition') latest.set(`${entry.vendorId}\u0000${entry.hit.entryId}`, entry);
	return hits.map(hit => {
		const vendorFingerprint = fingerprintOf(byId.get(hit.vendor.id)!);
		const contentHash = entryContentHash(hit.entry);
		const disposition = latest.get(`${hit.vendor.id}\u0000${hit.entry.id}`);
		const current =
			disposition && disposition.hit.vendorFingerprint === vendorFingerprint && disposition.hit.entryContentHash === contentHash;
		return {
			...hit,
			state: current ? disposition.disposition : 'undecided',
			stale: Boolean(disposition && !current),
			entryContentHash: contentHash,
			vendorFingerprint,
		};
	});
}

function restrictionFromHit(hit: JudgedHit): Restriction {
	const entry = hit.entry;
	return {
		id: `${hit.vendor.id}:hit:${entry.id}`,
		vendorId: hit.vendor.id,
		authority: entry.list,
		jurisdiction: 'US',
		instrument: entry.list,
		kind: kindOfList(entry.list),
		program: entry.programs.join(', ') || null,
		appliesTo: [entry.name],
		announced: entry.listedOn,
		milestones: entry.listedOn ? [{date: entry.listedOn, what: `listed: ${entry.name}`}] : [],
		endDate: null,
		statusNote: 'confirmed screening match',
		scope: `Confirmed match of "${hit.queryName}" to list entry ${entry.id}${entry.programs.length ? ` (${entry.programs.join(', ')})` : ''}`,
		federalRegister: entry.federalRegisterNotice ? {citation: entry.federalRegisterNotice, frDoc: null, published: null} : null,
		officialUrl: null,
		sources: entry.sourceUrls.filter(url => /^https?:\/\/\S+$/.test(url)),
		verification: 'confirmed',
		evidence: `reviewer-confirmed screening hit (score ${hit.score})`,
	};
}

export type InventoryView = {catalog: Catalog; joins: Map<string, string[]>};

/**
 * The curated vendors each row is joined to: its curated findings (kind "curated")
 * that the reviewer has not dismissed as false positives.
 */
export function curatedJoins(judged: readonly JudgedHit[]): Map<string, string[]> {
	const joins = new Map<string, string[]>();
	for (const hit of judged) {
		if (hit.kind !== 'curated' || hit.state === 'false-positive') continue;
		joins.set(hit.vendor.id, [...(joins.get(hit.vendor.id) ?? []), hit.entry.id.slice(curatedEntryPrefix.length)]);
	}
	return joins;
}

/**
 * A catalog whose vendors are the inventory's: each carries the restrictions of the
 * curated vendors it joins (re-keyed to it) and of its confirmed list hits.
 */
export function inventoryCatalog(curated: Catalog, inventory: readonly InventoryVendor[], judged: readonly JudgedHit[]): InventoryView {
	const joins = curatedJoins(judged);
	const vendors: Vendor[] = [];
	const restrictions: Restriction[] = [];
	for (const row of inventory) {
		const joined = joins.get(row.id) ?? [];
		joins.set(row.id, joined);
		const first = joined.map(id => curated.vendorById.get(id)!).find(Boolean);
		vendors.push({
			id: row.id,
			name: row.name,
			entities: joined.flatMap(id => curated.vendorById.get(id)?.entities ?? []),
			aliases: [...row.aliases, ...joined.flatMap(id => curated.vendorById.get(id)?.aliases ?? [])],
			hq: row.country ?? first?.hq ?? '',
			parent: row.parent ?? first?.parent ?? null,
			categories: row.products.length ? row.products : (first?.categories ?? []),
			notes: joined.length ? `joined to curated vendor${joined.length > 1 ? 's' : ''}: ${joined.join(', ')}` : null,
		});
		for (const id of joined) {
			for (const restriction of curated.restrictionsByVendor.get(id) ?? [])
				restrictions.push({...restriction, id: `${row.id}:${restriction.id}`, vendorId: row.id});
		}
	}
	for (const hit of judged) if (hit.kind === 'list' && hit.state === 'confirmed-match') restrictions.push(restrictionFromHit(hit));
	const catalog = buildCatalog([
		{
			name: 'inventory',
			document: {
				schemaVersion: 1,
				asOf: curated.dataAsOf,
				...(curated.sourcesAsOf ? {sourcesAsOf: curated.sourcesAsOf} : {}),
				vendors,
				jurisdictions: curated.jurisdictions,
				restrictions,
				classRules: curated.classRules,
				recordKeeping: curated.recordKeeping,
			},
		},
	]);
	return {catalog, joins};
}
