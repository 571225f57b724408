// The merged view of one or more records documents: vendors, restrictions,
// jurisdictions, class rules and record-keeping periods, with the source each
// fact came from. Later layers win per vendor id (and per rule id).
import type {ClassRule, Jurisdiction, RecordKeeping, RecordsDocument, Restriction, Vendor} from './schema.js';

export type RecordsLayer = {name: string; document: RecordsDocument};

export type Catalog = {
	asOf: string;
	vendors: Vendor[];
	restrictions: Restriction[];
	jurisdictions: Jurisdiction[];
	classRules: ClassRule[];
	recordKeeping: RecordKeeping[];
	vendorById: Map<string, Vendor>;
	restrictionsByVendor: Map<string, Restriction[]>;
	jurisdictionByCode: Map<string, Jurisdiction>;
	classRuleById: Map<string, ClassRule>;
	/** Which layer (source) each vendor's record came from. */
	vendorSource: Map<string, string>;
	/** The dataset's own as-of date (the newest layer's compile date). */
	dataAsOf: string;
	/** How recent the facts' sources are: the oldest that any layer states (YYYY-MM or a day), null when none says. */
	sourcesAsOf: string | null;
	layerNames: string[];
};

export function buildCatalog(layers: RecordsLayer[]): Catalog {
	const vendorById = new Map<string, Vendor>();
	const vendorSource = new Map<string, string>();
	const restrictionsByVendor = new Map<string, Restriction[]>();
	const jurisdictionByCode = new Map<string, Jurisdiction>();
	const classRuleById = new Map<string, ClassRule>();
	const recordKeepingById = new Map<string, RecordKeeping>();
	for (const {name, document} of layers) {
		// A layer that describes a vendor replaces that vendor's record and restrictions whole,
		// so one vendor never mixes facts from two sources.
		const described = new Set(document.vendors.map(vendor => vendor.id));
		for (const vendor of document.vendors) {
			vendorById.set(vendor.id, vendor);
			vendorSource.set(vendor.id, name);
		}
		for (const id of described) restrictionsByVendor.set(id, []);
		for (const restriction of document.restrictions) restrictionsByVendor.get(restriction.vendorId)?.push(restriction);
		for (const jurisdiction of document.jurisdictions) jurisdictionByCode.set(jurisdiction.code, jurisdiction);
		for (const rule of document.classRules ?? []) classRuleById.set(rule.id, rule);
		for (const period of document.recordKeeping ?? []) recordKeepingById.set(period.id, period);
	}
	const newest = (dates: Array<string | null | undefined>, pick: 'first' | 'last') => {
		const sorted = dates.filter((date): date is string => Boolean(date)).sort();
		return (pick === 'last' ? sorted.at(-1) : sorted[0]) ?? null;
	};
	const dataAsOf = newest(
		layers.map(layer => layer.document.asOf),
		'last',
	);
	return {
		asOf: dataAsOf ?? '',
		dataAsOf: dataAsOf ?? '',
		// The oldest stated: "sources to" must not promise more than the weakest layer holds.
		sourcesAsOf: newest(
			layers.map(layer => layer.document.sourcesAsOf),
			'first',
		),
		vendors: [...vendorById.values()],
		restrictions: [...restrictionsByVendor.values()].flat(),
		jurisdictions: [...jurisdictionByCode.values()],
		classRules: [...classRuleById.values()],
		recordKeeping: [...recordKeepingById.values()],
		vendorById,
		restrictionsByVendor,
		jurisdictionByCode,
		classRuleById,
		vendorSource,
		layerNames: layers.map(layer => layer.name),
	};
}

export type DataDates = {
	/** When the data was compiled (the newest layer's asOf). */
	compiledOn: string;
	/** How recent its sources are, e.g. "2026-06"; null when no layer says. */
	sourcesTo: string | null;
	/** "sources to 2026-06 · compiled 2026-12-06": what the status line and the detail show. */
	label: string;
	/** The short form for narrow status lines: "sources to 2026-06". */
	short: string;
};

/** The data's honest dates: its sources' as-of date as well as its compile date. */
export function dataDates(catalog: Pick<Catalog, 'dataAsOf' | 'sourcesAsOf'>): DataDates {
	const sources = catalog.sourcesAsOf ? `sources to ${catalog.sourcesAsOf}` : 'sources: date not stated';
	return {
		compiledOn: catalog.dataAsOf,
		sourcesTo: catalog.sourcesAsOf,
		label: `${sources} · compiled ${catalog.dataAsOf}`,
		short: catalog.sourcesAsOf ? sources : `data ${catalog.dataAsOf}`,
	};
}

/**
 * The record-keeping period that governs a decision log: the longest applicable
 * one (OFAC's 10 years outlasts the EAR's 5), or null when the data has none.
 */
export function longestRetention(catalog: Pick<Catalog, 'recordKeeping'>): RecordKeeping | null {
	return [...catalog.recordKeeping].sort((a, b) => b.retentionYears - a.retentionYears)[0] ?? null;
}
