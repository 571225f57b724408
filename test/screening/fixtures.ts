// Test-only loaders for the list fixtures (test/fixtures). They parse just enough of the CSL
// and OFAC files to build ScreeningEntity objects, so these tests do not depend
// on the source parsers being written alongside them.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import type {Vendor} from '../../source/records/schema.js';
import type {ScreeningEntity} from '../../source/records/list-entries.js';

export {fixture, repositoryRoot} from '../helpers.js';
import {fixture, repositoryRoot} from '../helpers.js';

function entity(fields: Partial<ScreeningEntity> & Pick<ScreeningEntity, 'id' | 'name'>): ScreeningEntity {
	return {
		aliases: [],
		type: 'entity',
		addresses: [],
		countries: [],
		list: '',
		programs: [],
		listedOn: null,
		federalRegisterNotice: null,
		remarks: null,
		sourceUrls: [],
		identifiers: [],
		...fields,
	};
}

const listSplit = (value: string | undefined): string[] =>
	value
		? value
				.split('; ')
				.map(part => part.trim())
				.filter(Boolean)
		: [];

/** CSL CSV (2022/2025 layout): name, alt_names and a country code from the end of each address. */
export function loadCslCsv(file: string): ScreeningEntity[] {
	const rows = parse(readFileSync(fixture('csl-csv', file), 'utf8'), {columns: true, bom: true, relax_column_count: true}) as Array<
		Record<string, string>
	>;
	return rows.map((row, position) => {
		const addresses = listSplit(row.addresses);
		const countries = [
			...new Set(addresses.map(address => /,\s*([A-Z]{2})$/.exec(address)?.[1]).filter((code): code is string => Boolean(code))),
		];
		return entity({
			id: row._id || `row-${position}`,
			name: row.name!.trim(),
			aliases: listSplit(row.alt_names),
			type: row.type === 'Individual' ? 'person' : 'entity',
			addresses,
			countries,
			list: row.source ?? '',
			programs: listSplit(row.programs),
			listedOn: row.start_date || null,
		});
	});
}

/** OFAC legacy SDN CSV (no header, "-0- " for empty) with its alt.csv aliases. */
export function loadOfacCsv(sdnFile: string, altFile: string): ScreeningEntity[] {
	const read = (file: string): string[][] =>
		parse(readFileSync(fixture('ofac-sdn-csv', file), 'utf8').replace(/\x1a/g, ''), {
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: true,
			trim: true,
		}) as string[][];
	const empty = (value: string | undefined): boolean => value === undefined || value === '' || value === '-0-';
	const aliases = new Map<string, string[]>();
	for (const row of read(altFile)) {
		if (empty(row[3])) continue;
		aliases.set(row[0]!, [...(aliases.get(row[0]!) ?? []), row[3]!]);
	}
	return read(sdnFile).map(row =>
		entity({
			id: row[0]!,
			name: row[1]!,
			aliases: aliases.get(row[0]!) ?? [],
			type: row[2] === 'individual' ? 'person' : empty(row[2]) ? 'entity' : 'other',
			list: 'SDN',
			programs: empty(row[3]) ? [] : row[3]!.split('] ['),
		}),
	);
}

type FactsVendor = {
	id: string;
	display_name: string;
	aliases: string[];
	headquarters_country: string;
	legal_entities: Array<{name: string; original_script: string | null; country: string | null}>;
};

/** The curated vendors of the reference facts, in the records-dataset Vendor shape. */
export function loadFactsVendors(): Vendor[] {
	const facts = JSON.parse(readFileSync(join(repositoryRoot, 'source', 'records', 'reference', 'restriction-facts.json'), 'utf8')) as {
		vendors: FactsVendor[];
	};
	return facts.vendors.map(vendor => ({
		id: vendor.id,
		name: vendor.display_name,
		aliases: vendor.aliases,
		entities: vendor.legal_entities.map(legal => ({
			name: legal.name,
			originalScript: legal.original_script,
			country: legal.country,
			role: null,
			verification: 'confirmed' as const,
		})),
		hq: vendor.headquarters_country,
		parent: null,
		categories: [],
		notes: null,
	}));
}

export {entity as makeEntity};
