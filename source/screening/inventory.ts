// The organisation's own vendor inventory, as exported from a spreadsheet (CSV)
// or a procurement system (JSON): read leniently, one bad row never sinks the file.
import {basename, extname} from 'node:path';
import {UserInputError} from '../errors/index.js';
import {readLocalInput} from '../records/index.js';
import {atLine, readCsvText, type CsvProblems} from '../sources/index.js';
import {decodeByBom, sanitizeText} from '../text/index.js';
import {countryCode} from './country.js';
import {normalizeName} from './normalize.js';
import {domainOf, groupByIdentity, type RowIdentity} from './vendor-identity.js';

export {slugify} from './vendor-identity.js';

export type InventoryVendor = {
	/**
	 * Stable within the inventory, whatever the row order: the `id` column's slug, else the
	 * name's slug ("acme-corp"), with the website's domain when several vendors share a name
	 * ("acme-corp-acme-com"). Rows with the same identity are one vendor.
	 */
	id: string;
	name: string;
	aliases: string[];
	website: string | null;
	country: string | null;
	parent: string | null;
	owner: string | null;
	criticality: string | null;
	products: string[];
	/** Where the row came from, for messages: a CSV line number or a JSON position. */
	source: string;
	/**
	 * Product lines (product_category, country_of_origin, components, model_year,
	 * quantity): one a row, so a vendor named on several rows has several. Absent when none.
	 */
	productLines?: ProductLine[];
	/** Who owns the vendor and how much (the `owners` column, "Name:30%; Other:25%"). Absent when not given. */
	owners?: OwnerStake[];
};

/** One product line of a vendor, or one row of an assets file. */
export type ProductLine = {
	product: string | null;
	category: string | null;
	/** ISO 3166 alpha-2; null when not given or not recognisable (then it is "origin unknown"). */
	countryOfOrigin: string | null;
	/** Each "vendor model" or a category. */
	components: string[];
	modelYear: number | null;
	quantity: number | null;
	source: string;
};

/** An owner and its share in percent (null: the share is not known). */
export type OwnerStake = {name: string; percent: number | null};

export type InventoryParse = {vendors: InventoryVendor[]; errors: string[]};

/** `rowsAreAssets`: every row is a product line (an assets file), even without product-level columns. */
export type InventoryParseOptions = {rowsAreAssets?: boolean};

/** A vendor known by its names alone, as a bare name is screened (a benchmark's name, a test's row). */
export function namedVendor(
	name: string,
	{id = 'row', aliases = [], source = 'line 2'}: {id?: string; aliases?: string[]; source?: string} = {},
): InventoryVendor {
	return {id, name, aliases, website: null, country: null, parent: null, owner: null, criticality: null, products: [], source};
}

type Field = 'id' | 'name' | 'aliases' | 'website' | 'country' | 'parent' | 'owner' | 'criticality' | 'products' | ProductField | 'owners';
type ProductField = 'productCategory' | 'countryOfOrigin' | 'components' | 'modelYear' | 'quantity';

// Header spellings seen in real exports, compared after lower-casing and removing punctuation.
const fieldSynonyms: Record<Field, string[]> = {
	id: ['id', 'vendor id', 'supplier id', 'vendor number', 'supplier number', 'vendor code', 'supplier code', 'vendor no', 'supplier no'],
	name: [
		'name',
		'vendor name',
		'vendor',
		'supplier',
		'supplier name',
		'company',
		'company name',
		'legal name',
		'vendor legal name',
		'organisation',
		'organization',
		'entity',
		'entity name',
	],
	aliases: [
		'aliases',
		'alias',
		'aka',
		'a k a',
		'also known as',
		'other names',
		'alternative names',
		'alt names',
		'trading name',
		'trading names',
		'dba',
		'brand',
		'brands',
	],
	website: ['website', 'web site', 'url', 'domain', 'web', 'homepage', 'site'],
	country: ['country', 'hq country', 'headquarters', 'headquarters country', 'country code', 'jurisdiction', 'nationality'],
	parent: ['parent', 'parent company', 'ultimate parent', 'parent organisation', 'parent organization'],
	owner: ['owner', 'business owner', 'vendor owner', 'contact', 'internal owner', 'relationship owner', 'responsible'],
	criticality: ['criticality', 'tier', 'risk tier', 'critical', 'importance', 'priority'],
	products: ['products', 'product', 'services', 'service', 'products services', 'product names', 'offerings'],
	// Product-level columns: interface names (product_category, country_of_origin, components,
	// model_year, owners) first, then the spellings spreadsheets use.
	productCategory: [
		'product category',
		'category',
		'product type',
		'device type',
		'device category',
		'asset type',
		'asset category',
		'equipment type',
	],
	countryOfOrigin: [
		'country of origin',
		'origin',
		'origin country',
		'made in',
		'country of manufacture',
		'manufactured in',
		'produced in',
		'coo',
	],
	components: ['components', 'component', 'parts', 'modules', 'radio modules', 'bill of materials', 'bom'],
	modelYear: ['model year', 'my', 'vehicle model year', 'year model'],
	quantity: ['quantity', 'qty', 'count', 'units', 'number of units', 'fleet size'],
	owners: ['owners', 'ownership', 'owned by', 'shareholders', 'shareholder', 'beneficial owners'],
};

const headerToField = new Map<string, Field>();
for (const [field, synonyms] of Object.entries(fieldSynonyms) as Array<[Field, string[]]>)
	for (const synonym of synonyms) headerToField.set(synonym, field);

function headerKey(header: string): string {
	return header
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * Reads an inventory file through the one local-input reader (a regular file of at most
 * `maxBytes`, settings.maxInputBytes); CSV unless the name ends in .json or the text starts with [ or {.
 */
export async function parseInventoryFile(path: string, maxBytes: number, options: InventoryParseOptions = {}): Promise<InventoryParse> {
	return parseInventory(decodeByBom(await readLocalInput(path, {maxBytes, what: 'inventory file'})), path, options);
}

/** Parses inventory text; `inputName` (a file name) chooses the format and names the source in messages. */
export function parseInventory(text: string, inputName: string, options: InventoryParseOptions = {}): InventoryParse {
	// The CSV reader makes every line ending one, and JSON does not mind them: only the BOM goes here.
	const body = text.replace(/^\uFEFF/, '');
	const isJson = extname(inputName).toLowerCase() === '.json' || /^\s*[[{]/.test(body);
	// Each row becomes its draft as it is read, and its cells are let go: a million rows held
	// whole (records, their line info, a map of cells each) were most of parsing's memory.
	const drafts = rowDrafter(inputName, options);
	if (isJson) jsonRows(body, inputName, drafts.add);
	else csvRows(body, inputName, drafts.add);
	return buildVendors(drafts.drafts, drafts.errors, inputName);
}

/** A row's cells by field; a field no column gives is undefined. */
type FieldValues = {get(field: Field): unknown};
type RawRow = {source: string; values: FieldValues; problem?: string};

/** A CSV record's cells by field: each field's first column, as `mapHeaders` reads the header. */
class CsvCells implements FieldValues {
	constructor(
		private readonly record: readonly string[],
		private readonly firstColumn: ReadonlyMap<Field, number>,
	) {}

	get(field: Field): unknown {
		const column = this.firstColumn.get(field);
		return column === undefined ? undefined : this.record[column];
	}
}

function csvRows(text: string, inputName: string, add: (row: RawRow) => void): void {
	let headers: string[] | null = null;
	const firstColumn = new Map<Field, number>();
	// Read as list files are (sources/): nothing is kept by the reader, the header is read and each row handed on (see parseInventory).
	readCsvText(text, inventoryCsvProblems(basename(inputName)), ({fields: record, line}) => {
		if (!headers) {
			headers = record;
			headers.forEach((header, column) => {
				const field = headerToField.get(headerKey(header));
				if (field && !firstColumn.has(field)) firstColumn.set(field, column);
			});
		} else if (firstColumn.has('name')) {
			const row: RawRow = {source: `line ${line}`, values: new CsvCells(record, firstColumn)};
			if (record.length > headers.length && record.slice(headers.length).some(value => value.trim() !== ''))
				row.problem = `expected ${headers.length} fields, got ${record.length} (an unquoted comma?)`;
			add(row);
		}
	});
	if (!headers) throw new UserInputError(`${basename(inputName)}: the file is empty; expected a header row with a vendor name column`);
	mapHeaders(headers, inputName);
}

/** What is wrong with a broken inventory record: the reviewer's own file, to be mended, not downloaded again. */
function inventoryCsvProblems(name: string): CsvProblems {
	const unreadable = (what: string) => new UserInputError(`${name}: not readable as CSV: ${what}`);
	return {
		unclosedQuote: line => unreadable(`a quoted field is never closed${atLine(line)}; close it, or remove the stray quote`),
		misplacedQuote: line =>
			unreadable(`a misplaced quote${atLine(line)}; a field with a quote in it is quoted whole, its quotes doubled ("ACME ""Ltd""")`),
		tooLarge: line => unreadable(`a record${atLine(line)} is over 1 MiB (often a quote never closed); check the quotes`),
		unreadable,
	};
}

function mapHeaders(headers: readonly string[], inputName: string): Array<Field | undefined> {
	const columns = headers.map(header => headerToField.get(headerKey(header)));
	if (!columns.includes('name')) {
		const found = headers.length > 0 ? headers.map(header => `"${sanitizeText(header)}"`).join(', ') : 'none';
		throw new UserInputError(
			`${basename(inputName)}: no vendor name column (expected one of "Name", "Vendor Name", "Vendor", "Supplier", "Company"); headers found: ${found}`,
		);
	}
	return columns;
}

function jsonRows(text: string, inputName: string, add: (row: RawRow) => void): void {
	let document: unknown;
	try {
		document = JSON.parse(text);
	} catch (error) {
		throw new UserInputError(`${basename(inputName)}: not valid JSON: ${(error as Error).message}`);
	}
	const items = Array.isArray(document)
		? document
		: isObject(document) && Array.isArray(document.vendors)
			? document.vendors
			: isObject(document) && Array.isArray(document.assets)
				? document.assets
				: undefined;
	if (!items)
		throw new UserInputError(
			`${basename(inputName)}: expected a JSON array of vendors or an object {"vendors": [...]} (or {"assets": [...]})`,
		);
	const keys = new Set<string>();
	for (const item of items) if (isObject(item)) for (const key of Object.keys(item)) keys.add(key);
	if (items.length > 0 && ![...keys].some(key => headerToField.get(headerKey(key)) === 'name')) mapHeaders([...keys], inputName);
	items.forEach((item: unknown, position: number) => {
		const source = `vendors[${position}]`;
		if (!isObject(item)) return add({source, values: new Map(), problem: 'expected an object'});
		const values = new Map<Field, unknown>();
		for (const [key, value] of Object.entries(item)) {
			const field = headerToField.get(headerKey(key));
			if (field && !values.has(field)) values.set(field, value);
		}
		add({source, values});
	});
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const cleaned = sanitizeText(String(value)).trim();
	return cleaned === '' ? null : cleaned;
}

/** Whether any of the names leaves a word to compare once normalised (a script no romaniser knows, or punctuation only, leaves none). */
export function hasComparableWord(names: readonly string[]): boolean {
	// A Latin letter or a digit always survives: only other names need the full normalisation.
	return names.some(name => /[a-z0-9]/i.test(name) || normalizeName(name).tokens.length > 0);
}

/** Lists arrive as "a; b | c" in CSV cells or as arrays in JSON. */
function list(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(text) : (text(value)?.split(/\s*[;|]\s*/) ?? []);
	return parts.filter((part): part is string => part !== null && part !== '');
}

/** A row read, before rows naming one vendor are merged; what groupByIdentity reads of it is on it. */
type RowDraft = RowIdentity & {vendor: Omit<InventoryVendor, 'id'>};

/** Turns each row into its draft as it comes, or into an error when it cannot be one. */
function rowDrafter(inputName: string, options: InventoryParseOptions) {
	const errors: string[] = [];
	const file = basename(inputName);
	const drafts: RowDraft[] = [];
	const add = (row: RawRow): void => {
		const name = text(row.values.get('name'));
		if (row.problem) {
			errors.push(`${file} ${row.source}: ${row.problem}; row skipped`);
			return;
		}
		if (!name) {
			errors.push(`${file} ${row.source}: no vendor name; row skipped`);
			return;
		}
		const report = (problem: string) => errors.push(`${file} ${row.source}: ${problem}`);
		const aliases = list(row.values.get('aliases')).filter(alias => alias !== name);
		// Screening such a vendor finds nothing, and "no hits" must not read as "clean".
		if (!hasComparableWord([name, ...aliases]))
			report(`"${name}" has no word the matcher can compare (no Latin letters once romanised); it is kept, but screen it by hand`);
		const line = productLine(row, options, report);
		const owners = ownerStakes(row.values.get('owners'), report);
		// Without product-level columns, "Country of origin" is read as the vendor's own country, as before.
		const country = text(row.values.get('country')) ?? (line ? null : text(row.values.get('countryOfOrigin')));
		const vendor: Omit<InventoryVendor, 'id'> = {
			name,
			aliases,
			website: text(row.values.get('website')),
			country,
			parent: text(row.values.get('parent')),
			owner: text(row.values.get('owner')),
			criticality: text(row.values.get('criticality')),
			products: list(row.values.get('products')),
			source: row.source,
		};
		if (line) vendor.productLines = [line];
		if (owners.length) vendor.owners = owners;
		drafts.push({vendor, explicitId: text(row.values.get('id')), name, website: vendor.website, source: vendor.source});
	};
	return {drafts, errors, add};
}

function buildVendors(drafts: readonly RowDraft[], errors: string[], inputName: string): InventoryParse {
	const file = basename(inputName);
	const identity = groupByIdentity(drafts);
	for (const problem of identity.problems) errors.push(`${file} ${problem}`);
	// Rows of one vendor (one a product line, or a repeat) become one vendor, in the order its first row appears.
	const byKey = new Map<string, InventoryVendor>();
	drafts.forEach(({vendor}, index) => {
		const key = identity.keys[index]!;
		const earlier = byKey.get(key);
		if (earlier) mergeRow(earlier, vendor, (problem: string) => errors.push(`${file} ${vendor.source}: ${problem}`));
		else byKey.set(key, {id: identity.ids.get(key)!, ...vendor});
	});
	return {vendors: [...byKey.values()], errors};
}

const singleFields = ['website', 'country', 'parent', 'owner', 'criticality'] as const;

/** A later row of the same vendor adds its names, products, product line and owners; a field it gives differently is reported, the first kept. */
function mergeRow(earlier: InventoryVendor, later: Omit<InventoryVendor, 'id'>, report: (problem: string) => void): void {
	const names = [later.name, ...later.aliases].filter(name => name !== earlier.name && !earlier.aliases.includes(name));
	earlier.aliases = [...earlier.aliases, ...new Set(names)];
	earlier.products = [...new Set([...earlier.products, ...later.products])];
	if (later.productLines) earlier.productLines = [...(earlier.productLines ?? []), ...later.productLines];
	if (later.owners) earlier.owners = mergeOwners(earlier.owners ?? [], later.owners, report);
	for (const field of singleFields) {
		const value = later[field];
		if (value === null || (field === 'website' && domainOf(value) !== null && domainOf(value) === domainOf(earlier.website))) continue;
		if (earlier[field] === null) earlier[field] = value;
		else if (earlier[field] !== value)
			report(
				`${field} "${value}" differs from "${earlier[field]}" on ${earlier.source}, which names the same vendor (${earlier.name}); kept the first: if they are different vendors, add an id column`,
			);
	}
}

/** The row's product line, when it has product-level columns (or every row, for an assets file). */
function productLine(row: RawRow, options: InventoryParseOptions, report: (problem: string) => void): ProductLine | null {
	const category = text(row.values.get('productCategory'));
	const components = list(row.values.get('components'));
	const modelYearText = text(row.values.get('modelYear'));
	const quantityText = text(row.values.get('quantity'));
	const anchored = category !== null || components.length > 0 || modelYearText !== null || quantityText !== null;
	if (!anchored && !options.rowsAreAssets) return null;
	const originText = text(row.values.get('countryOfOrigin'));
	const countryOfOrigin = originCode(originText);
	if (originText && !countryOfOrigin)
		report(`country of origin "${originText}" is not an ISO 3166 alpha-2 code or a country name; treated as unknown`);
	const modelYear = modelYearText === null ? null : wholeNumber(modelYearText, 1900, 2200);
	if (modelYearText !== null && modelYear === null) report(`model year "${modelYearText}" is not a year; treated as unknown`);
	const quantity = quantityText === null ? null : wholeNumber(quantityText, 0, Number.MAX_SAFE_INTEGER);
	if (quantityText !== null && quantity === null) report(`quantity "${quantityText}" is not a whole number; treated as unknown`);
	const products = list(row.values.get('products'));
	return {
		product: products.length ? products.join('; ') : null,
		category,
		countryOfOrigin,
		components,
		modelYear,
		quantity,
		source: row.source,
	};
}

// Made on first use: a process's first ICU object costs 15-20 ms, and most inventories give no origin.
let regionNames: Intl.DisplayNames | undefined;

/** ISO 3166 alpha-2 for a code or a country name that names a real region; null otherwise. */
function originCode(value: string | null): string | null {
	const code = countryCode(value === null ? null : value.replace(/^uk$/i, 'GB'));
	if (code === null) return null;
	try {
		regionNames ??= new Intl.DisplayNames(['en'], {type: 'region', fallback: 'none'});
		return regionNames.of(code) ? code : null;
	} catch {
		return null;
	}
}

function wholeNumber(value: string, min: number, max: number): number | null {
	const number = Number(value.replace(/[\s,_]/g, ''));
	return Number.isInteger(number) && number >= min && number <= max ? number : null;
}

/**
 * "Name:30%; Other Name:25%" (or a JSON array of {name, percent} / strings). A
 * name without a share ("Name", "Name:?", "Name:unknown") has an unknown share.
 */
function ownerStakes(value: unknown, report: (problem: string) => void): OwnerStake[] {
	const items: unknown[] = Array.isArray(value) ? value : list(value);
	const stakes: OwnerStake[] = [];
	for (const item of items) {
		if (isObject(item)) {
			const name = text(item.name);
			if (!name) continue;
			const share = text(item.percent ?? item.percentage ?? item.share);
			stakes.push({name, percent: share === null ? null : percentOf(share, name, report)});
			continue;
		}
		const written = text(item);
		if (!written) continue;
		const match = /^(.*\S)\s*:\s*([^:]*)$/.exec(written);
		const name = match ? match[1]! : written;
		const share = match ? match[2]!.trim() : '';
		stakes.push({name, percent: share === '' || /^(\?|unknown|n\/?a)$/i.test(share) ? null : percentOf(share, name, report)});
	}
	const total = stakes.reduce((sum, stake) => sum + (stake.percent ?? 0), 0);
	if (total > 100.0001) report(`owners add up to ${round(total)}%, more than 100%; check the shares`);
	return stakes;
}

/** Owners repeated on each product row of a vendor count once; a different share for the same owner is reported, the first kept. */
function mergeOwners(earlier: OwnerStake[], later: OwnerStake[], report: (problem: string) => void): OwnerStake[] {
	const merged = [...earlier];
	for (const stake of later) {
		const known = merged.find(item => item.name === stake.name);
		if (!known) merged.push(stake);
		else if (known.percent !== stake.percent)
			report(
				`owner "${stake.name}" is given ${stake.percent ?? 'no'}% here and ${known.percent ?? 'no'}% on an earlier row; kept the earlier`,
			);
	}
	return merged;
}

function percentOf(share: string, name: string, report: (problem: string) => void): number | null {
	const number = Number(share.replace(/%$/, '').trim());
	if (Number.isFinite(number) && number >= 0 && number <= 100 && share.replace(/%$/, '').trim() !== '') return number;
	report(`owner "${name}": share "${share}" is not a percentage from 0 to 100; treated as unknown`);
	return null;
}

const round = (value: number) => Math.round(value * 100) / 100;
