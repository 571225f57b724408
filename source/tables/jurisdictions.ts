// Rows of the Jurisdictions view: every designated jurisdiction and every vendor HQ.
import {activeDesignations, designationLabel, type Catalog, restrictionStatusOn} from '../records/index.js';
import type {Column, TableSpec} from './column.js';

export type JurisdictionRow = {id: string; code: string; name: string; designations: string[]; vendors: number; active: number};

// Made on first use, as ICU objects are (sort.ts): only the Jurisdictions view names regions.
let regionNames: Intl.DisplayNames | undefined;
const regionName = (code: string) => {
	try {
		regionNames ??= new Intl.DisplayNames(['en'], {type: 'region'});
		return regionNames.of(code) ?? code;
	} catch {
		return code;
	}
};

export function jurisdictionRows(catalog: Catalog, asOf: string): JurisdictionRow[] {
	const codes = new Set([...catalog.jurisdictions.map(jurisdiction => jurisdiction.code), ...catalog.vendors.map(vendor => vendor.hq)]);
	return [...codes].map(code => {
		const vendors = catalog.vendors.filter(vendor => vendor.hq === code);
		const active = vendors
			.flatMap(vendor => catalog.restrictionsByVendor.get(vendor.id) ?? [])
			.filter(restriction => restrictionStatusOn(restriction, asOf).status === 'active').length;
		const jurisdiction = catalog.jurisdictionByCode.get(code);
		return {
			id: code,
			code,
			name: jurisdiction?.name ?? regionName(code),
			designations: activeDesignations(jurisdiction, asOf).map(designationLabel),
			vendors: vendors.length,
			active,
		};
	});
}

const columns: Column<JurisdictionRow>[] = [
	{key: 'code', label: 'Code', aliases: ['jurisdiction', 'country'], value: row => row.code, priority: 0, minWidth: 4, maxWidth: 6},
	{key: 'name', label: 'Name', value: row => row.name, priority: 0, minWidth: 12, maxWidth: 36, grow: true},
	{
		key: 'designations',
		label: 'Designations',
		aliases: ['designation'],
		value: row => row.designations,
		priority: 1,
		minWidth: 10,
		maxWidth: 34,
	},
	{key: 'vendors', label: 'Vendors', value: row => row.vendors, priority: 0, minWidth: 7, maxWidth: 7, align: 'right'},
	{key: 'active', label: 'Active restr.', value: row => row.active, priority: 2, minWidth: 6, maxWidth: 13, align: 'right'},
];

export const jurisdictionTable: TableSpec<JurisdictionRow> = {
	name: 'Jurisdictions',
	columns,
	defaultSort: {column: 'vendors', descending: true},
};
