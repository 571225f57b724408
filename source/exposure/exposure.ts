// Exposure: the class rules applied to the inventory's product lines and the
// assets file, and the ownership rules applied to the inventory's owners and the
// ownership relations a source provides. Pure: the day judged is passed in.
import {
	ownershipListOf,
	restrictionStatusOn,
	type AssetRef,
	type Catalog,
	type ClassRule,
	type Exposure,
	type ExposureFinding,
	type ScreeningEntity,
	type UnknownCategory,
} from '../records/index.js';
import {
	buildIndex,
	matchCuratedVendors,
	matchName,
	type CandidateIndex,
	type InventoryVendor,
	type ProductLine,
} from '../screening/index.js';
import type {AssetRow} from './assets.js';
import {applyRule, reachesModelYear, type SupplierFacts} from './class-rules.js';
import {ownershipBy, type OwnershipNode} from './ownership.js';
import {ownershipListOfRule, ruleSummary, ruleTestOf} from './rules.js';
import {categoryClassifier} from './vocabulary.js';

export type ExposureInput = {
	/** The curated records: class rules, vendors and their restrictions. */
	curated: Catalog;
	inventory: readonly InventoryVendor[];
	assets: readonly AssetRow[];
	/** List entries of the run's sources (with `ownedBy` where a source gives ownership). */
	entries: readonly ScreeningEntity[];
	/** Inventory vendor id → ids of the list entries it was matched to (hits not dismissed as false positives). */
	matchedEntries?: ReadonlyMap<string, readonly string[]>;
	/**
	 * Inventory vendor id → the curated vendors its screening joined it to (joins not
	 * dismissed), so the rules read the joins the reviewer sees; a vendor not in it is
	 * joined here by name.
	 */
	curatedJoins?: ReadonlyMap<string, readonly string[]>;
	asOf: string;
	threshold?: number;
	/** The inventory's file name, to name its rows in findings ("vendors.csv line 2"). */
	inventoryName?: string;
};

export function computeExposure(input: ExposureInput): Exposure {
	const context = exposureContext(input);
	const findings: ExposureFinding[] = [];
	const unknown = new Map<string, UnknownCategory>();
	const classify = categoryClassifier(input.curated.classRules);
	const productRules = input.curated.classRules.filter(rule => ruleTestOf(rule) !== 'ownership');
	// The inventory's product lines, then the assets file's rows (joined to inventory vendors by name).
	const assets: Array<{vendor: InventoryVendor | null; name: string; line: ProductLine}> = [
		...input.inventory.flatMap(vendor =>
			(vendor.productLines ?? []).map(line => ({
				vendor,
				name: vendor.name,
				line: input.inventoryName ? {...line, source: `${input.inventoryName} ${line.source}`} : line,
			})),
		),
		...input.assets.map(row => ({vendor: context.inventoryVendorNamed(row.vendor, row.aliases), name: row.vendor, line: row.line})),
	];
	for (const item of assets) {
		const match = item.line.category === null ? null : classify(item.line.category);
		if (match?.kind === 'unknown' || match?.kind === 'ambiguous')
			noteUnknown(unknown, item.line, match.kind === 'ambiguous' ? match.hint : null);
		const asset = assetRef(item.vendor, item.name, item.line, match?.kind === 'class' ? match.productClass : null);
		const supplier = context.supplierFacts(item.name, item.vendor);
		for (const rule of productRules)
			for (const finding of applyRule(rule, asset, supplier, input.asOf))
				if (finding.kind !== 'class-rule' || reachesModelYear(finding)) findings.push(finding);
	}
	const ownershipRules = input.curated.classRules.filter(rule => ruleTestOf(rule) === 'ownership');
	for (const vendor of input.inventory) findings.push(...ownershipFindings(vendor, ownershipRules, context, input.asOf));
	return {findings, unknownCategories: [...unknown.values()], assetsChecked: assets.length};
}

function assetRef(vendor: InventoryVendor | null, name: string, line: ProductLine, productClass: string | null): AssetRef {
	return {
		vendorId: vendor?.id ?? null,
		vendor: name,
		product: line.product,
		category: line.category,
		productClass,
		countryOfOrigin: line.countryOfOrigin,
		components: line.components,
		modelYear: line.modelYear,
		quantity: line.quantity,
		source: line.source,
	};
}

function noteUnknown(unknown: Map<string, UnknownCategory>, line: ProductLine, hint: string | null): void {
	const category = line.category!;
	const key = category.toLowerCase();
	const entry = unknown.get(key) ?? {category, count: 0, where: [], hint};
	entry.count += 1;
	// A few places are enough to find the rows; the count says how many there are.
	if (entry.where.length < 5) entry.where.push(line.source);
	unknown.set(key, entry);
}

function ownershipFindings(
	vendor: InventoryVendor,
	rules: readonly ClassRule[],
	context: ExposureContext,
	asOf: string,
): ExposureFinding[] {
	const node = context.vendorNode(vendor);
	if (node.owners.length === 0) return [];
	const findings: ExposureFinding[] = [];
	for (const rule of rules) {
		const list = ownershipListOfRule(rule);
		const summary = ruleSummary(rule, asOf);
		if (list === null || summary.status === 'ended') continue;
		// The Affiliates rule reaches non-U.S. entities only.
		if (list === 'entity-list' && context.countryOf(vendor) === 'US') continue;
		const result = ownershipBy(node, list);
		const base = {vendorId: vendor.id, vendor: vendor.name, rule: summary};
		if (result.aggregatePercent >= 50)
			findings.push({
				...base,
				kind: 'ownership',
				id: `ownership:${rule.id}:${vendor.id}`,
				aggregatePercent: result.aggregatePercent,
				chains: result.chains,
			});
		else if (result.unknownShare.length)
			findings.push({
				...base,
				kind: 'ownership-unknown',
				id: `ownership-unknown:${rule.id}:${vendor.id}`,
				knownPercent: result.aggregatePercent,
				owners: result.unknownShare,
			});
	}
	return findings;
}

type ExposureContext = {
	inventoryVendorNamed(name: string, aliases: readonly string[]): InventoryVendor | null;
	supplierFacts(name: string, vendor: InventoryVendor | null): SupplierFacts;
	vendorNode(vendor: InventoryVendor): OwnershipNode;
	countryOf(vendor: InventoryVendor): string | null;
};

/** Lookups shared by every asset and vendor of one computation, each computed once. */
function exposureContext(input: ExposureInput): ExposureContext {
	const {curated, asOf} = input;
	const threshold = input.threshold;
	const memo = <T>(compute: (key: string) => T) => {
		const cache = new Map<string, T>();
		return (key: string): T => {
			if (!cache.has(key)) cache.set(key, compute(key));
			return cache.get(key)!;
		};
	};
	const curatedIdsOf = memo(name => matchCuratedVendors({name, aliases: []}, curated.vendors, {threshold}));
	const curatedNames = new Map(curated.vendors.map(vendor => [vendor.id, vendor.name]));
	const activeCompanyRestrictions = memo(id =>
		(curated.restrictionsByVendor.get(id) ?? []).filter(
			restriction =>
				restriction.target !== 'persons' && restriction.kind !== 'investment' && restrictionStatusOn(restriction, asOf).status === 'active',
		),
	);
	const onCoveredList = (id: string) => activeCompanyRestrictions(id).some(restriction => /Covered List/i.test(restriction.instrument));
	const curatedListings = (id: string) =>
		activeCompanyRestrictions(id).flatMap(restriction => {
			const list = ownershipListOf(restriction.instrument);
			return list ? [{list, source: `curated record ${id}: ${restriction.instrument}`}] : [];
		});

	const byName = new Map<string, InventoryVendor>();
	for (const vendor of input.inventory)
		for (const name of [vendor.name, ...vendor.aliases]) if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), vendor);
	const inventoryVendorNamed = (name: string, aliases: readonly string[]) =>
		[name, ...aliases].map(item => byName.get(item.toLowerCase())).find(Boolean) ?? null;
	const joinsOf = (vendor: InventoryVendor) =>
		input.curatedJoins?.get(vendor.id) ??
		matchCuratedVendors({name: vendor.name, aliases: vendor.aliases, products: vendor.products}, curated.vendors, {threshold});
	const countryOf = (vendor: InventoryVendor) =>
		vendor.country ??
		joinsOf(vendor)
			.map(id => curated.vendorById.get(id)?.hq ?? null)
			.find(Boolean) ??
		null;

	const supplierFacts = (name: string, vendor: InventoryVendor | null): SupplierFacts => {
		const curatedIds = vendor ? joinsOf(vendor) : curatedIdsOf(name);
		return {
			curatedIds,
			curatedNames,
			country: vendor ? countryOf(vendor) : (curatedIds.map(id => curated.vendorById.get(id)?.hq ?? null).find(Boolean) ?? null),
			onCoveredList,
			componentVendors: curatedIdsOf,
		};
	};

	// The ownership graph, built on demand: entries by id, owners by name.
	const entryById = new Map(input.entries.map(entry => [entry.id, entry]));
	let index: CandidateIndex | null = null;
	const entriesNamed = memo(name => {
		if (input.entries.length === 0) return [] as ScreeningEntity[];
		index ??= buildIndex(input.entries);
		return matchName(index, name, {threshold}).map(match => match.entity);
	});
	const nodes = new Map<string, OwnershipNode>();
	const entryListings = (entry: ScreeningEntity) => {
		const list = ownershipListOf(entry.list);
		return list ? [{list, source: `list entry ${entry.id} "${entry.name}" (${entry.list})`}] : [];
	};
	const ownersOfEntry = (entry: ScreeningEntity) =>
		(entry.ownedBy ?? [])
			.filter(link => link.endDate === null || link.endDate > asOf)
			.flatMap(link => {
				const owner = entryById.get(link.ownerId);
				return owner ? [{node: entryNode(owner), percent: link.percent}] : [];
			});
	const entryNode = (entry: ScreeningEntity): OwnershipNode => {
		const key = `entry:${entry.id}`;
		const known = nodes.get(key);
		if (known) return known;
		const node = {key, name: entry.name, listed: entryListings(entry), owners: [] as OwnershipNode['owners']};
		nodes.set(key, node);
		node.owners = ownersOfEntry(entry);
		return node;
	};
	const nameNode = (name: string): OwnershipNode => {
		const key = `name:${name.toLowerCase()}`;
		const known = nodes.get(key);
		if (known) return known;
		const entries = entriesNamed(name);
		const node = {
			key,
			name,
			listed: [...entries.flatMap(entryListings), ...curatedIdsOf(name).flatMap(curatedListings)],
			owners: [] as OwnershipNode['owners'],
		};
		nodes.set(key, node);
		node.owners = entries.flatMap(entry => entryNode(entry).owners);
		return node;
	};
	const vendorNode = (vendor: InventoryVendor): OwnershipNode => ({
		key: `vendor:${vendor.id}`,
		name: vendor.name,
		listed: [],
		owners: [
			...(vendor.owners ?? []).map(stake => ({node: nameNode(stake.name), percent: stake.percent})),
			...(input.matchedEntries?.get(vendor.id) ?? []).flatMap(id => {
				const entry = entryById.get(id);
				return entry ? ownersOfEntry(entry) : [];
			}),
		],
	});
	return {inventoryVendorNamed, supplierFacts, vendorNode, countryOf};
}
