import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {UserInputError} from '../../source/errors/index.js';
import {matchCuratedVendors, parseInventory, parseInventoryFile, screenInventory} from '../../source/screening/index.js';
import {loadFactsVendors, makeEntity} from './fixtures.js';

describe('parseInventory', () => {
	test('maps header synonyms case-insensitively', () => {
		const csv =
			'Supplier,AKA,URL,Country of origin,Parent Company,Business Owner,Tier,Products\nKaspersky Lab,Kaspersky; Лаборатория Касперского|KL,kaspersky.com,RU,,Jane,1,Endpoint Security\n';
		const {vendors, errors} = parseInventory(csv, 'inventory.csv');
		expect(errors).toEqual([]);
		expect(vendors).toEqual([
			{
				id: 'kaspersky-lab',
				name: 'Kaspersky Lab',
				aliases: ['Kaspersky', 'Лаборатория Касперского', 'KL'],
				website: 'kaspersky.com',
				country: 'RU',
				parent: null,
				owner: 'Jane',
				criticality: '1',
				products: ['Endpoint Security'],
				source: 'line 2',
			},
		]);
	});

	test.each(['Vendor Name', 'VENDOR', 'company', 'Name'])('accepts "%s" as the name column', header => {
		expect(parseInventory(`${header}\nAcme\n`, 'x.csv').vendors.map(vendor => vendor.name)).toEqual(['Acme']);
	});

	test('warns of a vendor whose names leave no word to compare, and keeps it', () => {
		// Cuneiform has no romanisation here (neither romaniser reads it), nor has a name of symbols; the third row has one in its alias.
		const csv = 'Vendor,Aliases\n𒀀𒀁,\n☃☃,\n---,Acme\nÉlan,\n';
		const {vendors, errors} = parseInventory(csv, 'inventory.csv');
		expect(vendors.map(vendor => vendor.name)).toEqual(['𒀀𒀁', '☃☃', '---', 'Élan']);
		expect(errors).toEqual(
			['line 2: "𒀀𒀁"', 'line 3: "☃☃"'].map(
				row =>
					`inventory.csv ${row} has no word the matcher can compare (no Latin letters once romanised); it is kept, but screen it by hand`,
			),
		);
	});

	test('reports a bad row with its line number and keeps the others', () => {
		const csv = 'Vendor,Country\nAcme,US\n,DE\nGlobex,"FR"\nInitech,US,extra,fields\nUmbrella,GB\n';
		const {vendors, errors} = parseInventory(csv, '/some/dir/vendors.csv');
		expect(vendors.map(vendor => vendor.name)).toEqual(['Acme', 'Globex', 'Umbrella']);
		expect(errors).toEqual([
			'vendors.csv line 3: no vendor name; row skipped',
			'vendors.csv line 5: expected 2 fields, got 4 (an unquoted comma?); row skipped',
		]);
	});

	test('counts lines across a quoted cell that spans lines and skipped blank lines; a repeated column reads its first', () => {
		const csv = 'Vendor,Country,Company\n"Acme\nHoldings",US,Ignored\n\n,DE,Nameless\nGlobex,FR\nInitech,US,x,y\n';
		const {vendors, errors} = parseInventory(csv, 'vendors.csv');
		expect(vendors.map(vendor => [vendor.name, vendor.source])).toEqual([
			['Acme Holdings', 'line 3'],
			['Globex', 'line 6'],
		]);
		expect(errors).toEqual([
			'vendors.csv line 5: no vendor name; row skipped',
			'vendors.csv line 7: expected 3 fields, got 4 (an unquoted comma?); row skipped',
		]);
	});

	test('reads quotes as spreadsheets write them, and says how to mend a broken one, on the line it is', () => {
		const {vendors} = parseInventory('Vendor,Country\r\n"ACME ""Holdings"" Ltd",US\nGlobex,FR\r\n', 'vendors.csv');
		expect(vendors.map(vendor => [vendor.name, vendor.country, vendor.source])).toEqual([
			['ACME "Holdings" Ltd', 'US', 'line 2'],
			['Globex', 'FR', 'line 3'],
		]);
		expect(() => parseInventory('Vendor,Country\nAcme,US\nGlo"bex,FR\n', 'vendors.csv')).toThrow(
			/^vendors\.csv: not readable as CSV: a misplaced quote \(line 3\); a field with a quote in it is quoted whole/,
		);
		expect(() => parseInventory('Vendor,Country\nAcme,US\n"Globex,FR\nInitech,DE\n', 'vendors.csv')).toThrow(
			/^vendors\.csv: not readable as CSV: a quoted field is never closed \(line 3\); close it/,
		);
		expect(() => parseInventory('Vendor,Country\nAcme,US\n"Globex,FR\n', 'vendors.csv')).not.toThrow(/download/);
	});

	test('a missing name column is a user error naming the file and the headers found', () => {
		expect(() => parseInventory('Country,Website\nUS,x.com\n', 'vendors.csv')).toThrow(UserInputError);
		expect(() => parseInventory('Country,Website\nUS,x.com\n', 'vendors.csv')).toThrow(
			/vendors\.csv: no vendor name column .*headers found: "Country", "Website"/,
		);
	});

	test('reads a JSON array and a {vendors: [...]} object, with list-valued aliases', () => {
		const array = parseInventory(
			JSON.stringify([{'Vendor Name': 'Acme', 'Also known as': ['ACME', 'Acme Co'], Website: 'acme.test'}]),
			'inv.json',
		);
		const wrapped = parseInventory(JSON.stringify({vendors: [{name: 'Acme', aliases: 'ACME|Acme Co', website: 'acme.test'}]}), 'inv.json');
		expect(array.vendors[0]).toMatchObject({name: 'Acme', aliases: ['ACME', 'Acme Co'], website: 'acme.test', source: 'vendors[0]'});
		expect(wrapped.vendors[0]).toMatchObject({name: 'Acme', aliases: ['ACME', 'Acme Co'], website: 'acme.test'});
	});

	test('reports a JSON item without a name by its position', () => {
		const {vendors, errors} = parseInventory(JSON.stringify([{name: 'Acme'}, {name: ''}, 'nonsense']), 'inv.json');
		expect(vendors).toHaveLength(1);
		expect(errors).toEqual(['inv.json vendors[1]: no vendor name; row skipped', 'inv.json vendors[2]: expected an object; row skipped']);
	});

	test('reads rows of one normalised name as one vendor, later spellings kept as aliases', () => {
		const {vendors, errors} = parseInventory('Vendor\nAcme Corp\nACME corp.\nÄcme Corp\n', 'x.csv');
		expect(vendors).toHaveLength(1);
		expect(vendors[0]).toMatchObject({id: 'acme-corp', name: 'Acme Corp', aliases: ['ACME corp.', 'Äcme Corp']});
		expect(errors).toEqual([]);
	});

	test('neutralises control characters in cells', () => {
		const {vendors} = parseInventory('Vendor\n"Evil\u001b[2JCorp"\n', 'x.csv');
		expect(vendors[0]!.name).toBe('Evil\u241B[2JCorp');
	});

	test('reads a file from disk', async () => {
		const path = join(mkdtempSync(join(tmpdir(), 'inventory-')), 'vendors.csv');
		writeFileSync(path, 'Company\nAcme\n');
		expect((await parseInventoryFile(path, 1024)).vendors.map(vendor => vendor.name)).toEqual(['Acme']);
	});
});

describe('matchCuratedVendors', () => {
	const curated = loadFactsVendors();

	test('joins a product name that contains the brand', () => {
		expect(matchCuratedVendors({name: 'Kaspersky Endpoint Security', aliases: []}, curated)).toEqual(['kaspersky']);
	});

	test('joins through a products column', () => {
		expect(matchCuratedVendors({name: 'Reseller GmbH', aliases: [], products: ['Hikvision DS-2CD2043 camera']}, curated)).toEqual([
			'hikvision',
		]);
	});

	test('does not join on a short alias inside a longer name', () => {
		expect(matchCuratedVendors({name: 'PT Bank Central Asia', aliases: []}, curated)).toEqual([]);
		expect(matchCuratedVendors({name: 'QQ Logistics', aliases: []}, curated)).toEqual([]);
	});

	test('joins the Russian name to Kaspersky', () => {
		expect(matchCuratedVendors({name: 'АО «Лаборатория Касперского»', aliases: []}, curated)).toEqual(['kaspersky']);
	});
});

describe('screenInventory', () => {
	const entry = makeEntity({
		id: 'el-1',
		name: 'AO Kaspersky Lab',
		countries: ['RU'],
		list: 'Entity List (EL) - Bureau of Industry and Security',
		programs: ['EAR'],
		listedOn: '2022-03-25',
	});
	const other = makeEntity({id: 'el-2', name: 'Kaspersky Lab', countries: ['RU'], list: 'Another list'});

	test('returns one explained hit per vendor and entry', () => {
		const {vendors} = parseInventory('Vendor,AKA,Country\nKaspersky Lab,AO Kaspersky Lab;Kaspersky Labs,Russia\n', 'x.csv');
		const hits = screenInventory(vendors, [entry, other]);
		expect(hits.map(hit => hit.entry.id).sort()).toEqual(['el-1', 'el-2']);
		const hit = hits.find(candidate => candidate.entry.id === 'el-1')!;
		expect(hit).toMatchObject({vendor: {id: 'kaspersky-lab', name: 'Kaspersky Lab'}, matchedName: 'AO Kaspersky Lab', score: 1, via: null});
		expect(hit.explanation.queryRole).toBe('vendor');
		expect(hit.explanation).toMatchObject({
			listName: 'AO Kaspersky Lab',
			normalizedList: 'kaspersky laboratory',
			countryAgreement: 'agree',
			list: 'Entity List (EL) - Bureau of Industry and Security',
			entryId: 'el-1',
			programs: ['EAR'],
			listedOn: '2022-03-25',
		});
		expect(hit.explanation.tokenScores.every(token => token.score === 1)).toBe(true);
	});

	test('a subsidiary is screened through its listed parent, and the hit says so', () => {
		const {vendors} = parseInventory('Vendor,Parent Company,Business Owner\nZephyr Home Cameras,AO Kaspersky Lab,Kaspersky Lab\n', 'x.csv');
		const hits = screenInventory(vendors, [entry]);
		expect(hits).toHaveLength(1);
		expect(hits[0]).toMatchObject({entry: {id: 'el-1'}, queryName: 'AO Kaspersky Lab', via: null});
		expect(hits[0]!.explanation.queryRole).toBe('parent');
		// The owner column is the organisation's own contact, never screened: without the parent there is no hit.
		expect(screenInventory(parseInventory('Vendor,Business Owner\nZephyr Home Cameras,Kaspersky Lab\n', 'x.csv').vendors, [entry])).toEqual(
			[],
		);
	});

	test('a product-named row reaches the list through the curated vendor', () => {
		const {vendors} = parseInventory('Vendor\nKaspersky Endpoint Security\n', 'x.csv');
		// "Endpoint" and "security" are plain words that weigh little: the row meets the list on "kaspersky" alone too.
		expect(screenInventory(vendors, [entry])).toMatchObject([{entry: {id: 'el-1'}, via: null}]);
		const hits = screenInventory(vendors, [entry], {curatedVendors: loadFactsVendors()});
		expect(hits[0]).toMatchObject({entry: {id: 'el-1'}, via: 'kaspersky'});
	});
});
