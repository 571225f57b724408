// The organisation's own vendor inventory, as exported from a spreadsheet (CSV)
// or a procurement system (JSON): read leniently, one bad row never sinks the file.
import {basename, extname} from 'node:path';
import {parse} from 'csv-parse/sync';
import {transliterate} from 'transliteration';
import {UserInputError} from '../errors/index.js';
import {readLocalInput} from '../records/index.js';
import {decodeByBom, sanitizeText} from '../text/index.js';

export type InventoryVendor = {
	/** Slug of the name, unique within the inventory ("acme-corp", "acme-corp-2"). */
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
};

export type InventoryParse = {vendors: InventoryVendor[]; errors: string[]};

type Field = 'name' | 'aliases' | 'website' | 'country' | 'parent' | 'owner' | 'criticality' | 'products';

// Header spellings seen in real exports, compared after lower-casing and removing punctuation.
const fieldSynonyms: Record<Field, string[]> = {
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
	country: [
		'country',
		'country of origin',
		'origin',
		'hq country',
		'headquarters',
		'headquarters country',
		'country code',
		'jurisdiction',
		'nationality',
	],
	parent: ['parent', 'parent company', 'ultimate parent', 'parent organisation', 'parent organization'],
	owner: ['owner', 'business owner', 'vendor owner', 'contact', 'internal owner', 'relationship owner', 'responsible'],
	criticality: ['criticality', 'tier', 'risk tier', 'critical', 'importance', 'priority'],
	products: ['products', 'product', 'services', 'service', 'products services', 'product names', 'offerings'],
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
export async function parseInventoryFile(path: string, maxBytes: number): Promise<InventoryParse> {
	return parseInventory(decodeByBom(await readLocalInput(path, {maxBytes, what: 'inventory file'})), path);
}

/** Parses inventory text; `inputName` (a file name) chooses the format and names the source in messages. */
export function parseInventory(text: string, inputName: string): InventoryParse {
	// One line ending before parsing: csv-parse takes the first line's ending for all, so a CRLF
	// header over LF rows would run every row into one.
	const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const isJson = extname(inputName).toLowerCase() === '.json' || /^\s*[[{]/.test(body);
	const rows = isJson ? jsonRows(body, inputName) : csvRows(body, inputName);
	return buildVendors(rows, inputName);
}

type RawRow = {source: string; values: Map<Field, unknown>; problem?: string};

function csvRows(text: string, inputName: string): RawRow[] {
	let records: Array<{record: string[]; info: {lines: number}}>;
	try {
		records = parse(text, {bom: true, relax_column_count: true, skip_empty_lines: true, info: true}) as unknown as Array<{
			record: string[];
			info: {lines: number};
		}>;
	} catch (error) {
		throw new UserInputError(`${basename(inputName)}: not readable as CSV: ${(error as Error).message}`);
	}
	if (records.length === 0)
		throw new UserInputError(`${basename(inputName)}: the file is empty; expected a header row with a vendor name column`);
	const headers = records[0]!.record;
	const columns = mapHeaders(headers, inputName);
	return records.slice(1).map(({record, info}) => {
		const values = new Map<Field, unknown>();
		columns.forEach((field, column) => {
			if (field && record[column] !== undefined && !values.has(field)) values.set(field, record[column]);
		});
		const row: RawRow = {source: `line ${info.lines}`, values};
		if (record.length > headers.length && record.slice(headers.length).some(value => value.trim() !== '')) {
			row.problem = `expected ${headers.length} fields, got ${record.length} (an unquoted comma?)`;
		}
		return row;
	});
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

function jsonRows(text: string, inputName: string): RawRow[] {
	let document: unknown;
	try {
		document = JSON.parse(text);
	} catch (error) {
		throw new UserInputError(`${basename(inputName)}: not valid JSON: ${(error as Error).message}`);
	}
	const items = Array.isArray(document) ? document : isObject(document) && Array.isArray(document.vendors) ? document.vendors : undefined;
	if (!items) throw new UserInputError(`${basename(inputName)}: expected a JSON array of vendors or an object {"vendors": [...]}`);
	const keys = new Set<string>();
	for (const item of items) if (isObject(item)) for (const key of Object.keys(item)) keys.add(key);
	if (items.length > 0 && ![...keys].some(key => headerToField.get(headerKey(key)) === 'name')) mapHeaders([...keys], inputName);
	return items.map((item: unknown, position: number) => {
		const source = `vendors[${position}]`;
		if (!isObject(item)) return {source, values: new Map(), problem: 'expected an object'};
		const values = new Map<Field, unknown>();
		for (const [key, value] of Object.entries(item)) {
			const field = headerToField.get(headerKey(key));
			if (field && !values.has(field)) values.set(field, value);
		}
		return {source, values};
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

/** Lists arrive as "a; b | c" in CSV cells or as arrays in JSON. */
function list(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(text) : (text(value)?.split(/\s*[;|]\s*/) ?? []);
	return parts.filter((part): part is string => part !== null && part !== '');
}

function buildVendors(rows: RawRow[], inputName: string): InventoryParse {
	const vendors: InventoryVendor[] = [];
	const errors: string[] = [];
	const usedIds = new Set<string>();
	const file = basename(inputName);
	for (const row of rows) {
		const name = text(row.values.get('name'));
		if (row.problem) {
			errors.push(`${file} ${row.source}: ${row.problem}; row skipped`);
			continue;
		}
		if (!name) {
			errors.push(`${file} ${row.source}: no vendor name; row skipped`);
			continue;
		}
		vendors.push({
			id: uniqueSlug(name, usedIds),
			name,
			aliases: list(row.values.get('aliases')).filter(alias => alias !== name),
			website: text(row.values.get('website')),
			country: text(row.values.get('country')),
			parent: text(row.values.get('parent')),
			owner: text(row.values.get('owner')),
			criticality: text(row.values.get('criticality')),
			products: list(row.values.get('products')),
			source: row.source,
		});
	}
	return {vendors, errors};
}

export function slugify(name: string): string {
	const slug = transliterate(name.normalize('NFKC'))
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'vendor';
}

function uniqueSlug(name: string, used: Set<string>): string {
	const base = slugify(name);
	let id = base;
	for (let suffix = 2; used.has(id); suffix++) id = `${base}-${suffix}`;
	used.add(id);
	return id;
}
