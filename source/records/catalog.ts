// The merged view of one or more records documents: vendors, restrictions and
// jurisdictions with the source each fact came from. Later layers win per vendor id.
import type {Jurisdiction, RecordsDocument, Restriction, Vendor} from './schema.js';

export type RecordsLayer = {name: string; document: RecordsDocument};

export type Catalog = {
	asOf: string;
	vendors: Vendor[];
	restrictions: Restriction[];
	jurisdictions: Jurisdiction[];
	vendorById: Map<string, Vendor>;
	restrictionsByVendor: Map<string, Restriction[]>;
	jurisdictionByCode: Map<string, Jurisdiction>;
	/** Which layer (source) each vendor's record came from. */
	vendorSource: Map<string, string>;
	/** The dataset's own as-of date (the newest layer's). */
	dataAsOf: string;
	layerNames: string[];
};

export function buildCatalog(layers: RecordsLayer[]): Catalog {
	const vendorById = new Map<string, Vendor>();
	const vendorSource = new Map<string, string>();
	const restrictionsByVendor = new Map<string, Restriction[]>();
	const jurisdictionByCode = new Map<string, Jurisdiction>();
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
	}
	const dataAsOf =
		layers
			.map(layer => layer.document.asOf)
			.sort()
			.at(-1) ?? '';
	return {
		asOf: dataAsOf,
		dataAsOf,
		vendors: [...vendorById.values()],
		restrictions: [...restrictionsByVendor.values()].flat(),
		jurisdictions: [...jurisdictionByCode.values()],
		vendorById,
		restrictionsByVendor,
		jurisdictionByCode,
		vendorSource,
		layerNames: layers.map(layer => layer.name),
	};
}
