// A disposition is remembered against the row's fingerprint, which logs already hold: it must stay the
// hash of the row's canonical JSON whatever writes it. The screening cache's key must tell any change
// of a row, the threshold, the curated data or the code, and ignore only where a row sat in the file.
import {expect, it} from 'vitest';
import {inventoryFingerprint} from '../../source/app-context/screening.js';
import {rowKeys, screeningKey} from '../../source/app-context/screening-cache.js';
import {canonicalJson} from '../../source/decisions/index.js';
import {sha256Hex} from '../../source/text/index.js';
import {loadEmbeddedRecords} from '../../source/records/embedded.js';
import {parseInventory} from '../../source/screening/index.js';

const csv = [
	'name,aliases,website,country,parent,owner,products,criticality',
	'"Acme ""Quoted"" Corp",Acme; ACME Ltd,https://acme.example,US,,Ana,Widgets | Gadgets,high',
	'Лаборатория Касперского,Kaspersky Lab,,RU,"Parent, Inc.",,"Endpoint Security",',
	'北京百度网讯科技有限公司,Baidu,baidu.com,CN,,,,low',
	'Café Zürich GmbH,,,CH,,Zoë \\ backslash,Coffee\u2028line,',
	'Tab\tname Oy,,,FI,,,,',
].join('\n');
const {vendors} = parseInventory(csv, 'inventory.csv');
const curated = loadEmbeddedRecords().vendors;

it('fingerprints a row as the hash of the canonical JSON of its written fields', () => {
	expect(vendors).toHaveLength(5);
	for (const vendor of vendors) {
		const {name, aliases, website, country, parent, owner, products} = vendor;
		expect(inventoryFingerprint(vendor)).toBe(sha256Hex(canonicalJson({name, aliases, website, country, parent, owner, products})));
	}
});

it('keys the screening cache on every row, the threshold, the curated data and the code, but not where a row sat', () => {
	const keys = screeningKey(vendors, 0.8, curated);
	const {key} = keys;
	expect(
		screeningKey(
			vendors.map(vendor => ({...vendor, source: 'line 99'})),
			0.8,
			curated,
		),
	).toEqual(keys);
	expect(screeningKey(vendors, 0.85, curated).key).not.toBe(key);
	expect(screeningKey(vendors, 0.85, curated).settingsKey).not.toBe(keys.settingsKey);
	expect(screeningKey(vendors, 0.8, curated.slice(1)).settingsKey).not.toBe(keys.settingsKey);
	// Another version of the app may match differently: its cached hits are not this one's.
	expect(screeningKey(vendors, 0.8, curated, 'another build').settingsKey).not.toBe(keys.settingsKey);
	expect(screeningKey(vendors, 0.8, curated, 'another build').key).not.toBe(key);
	expect(screeningKey(vendors.slice(1), 0.8, curated).key).not.toBe(key);
	// Where a row sat is no part of its own key either.
	expect(rowKeys(vendors.map(vendor => ({...vendor, source: 'line 99'})))).toEqual(rowKeys(vendors));
	// A changed row changes its own key and no other's.
	for (const changed of [
		{...vendors[0]!, criticality: 'low'},
		{...vendors[0]!, aliases: ['Acme']},
	]) {
		const editedRows = [changed, ...vendors.slice(1)];
		const edited = screeningKey(editedRows, 0.8, curated);
		expect(edited.key).not.toBe(key);
		expect(edited.settingsKey).toBe(keys.settingsKey);
		expect(rowKeys(editedRows)[0]).not.toBe(rowKeys(vendors)[0]);
		expect(rowKeys(editedRows).slice(1)).toEqual(rowKeys(vendors).slice(1));
	}
});
