// The curated data notes what an alias is in lower-case words in brackets ("Douyin (China app)"): the
// alias is also known without the note, and a name inside the note's bracket is a name of its own.
import {expect, test} from 'vitest';
import {buildCatalog, embeddedDatasetName, loadEmbeddedRecords, type Vendor} from '../../source/records/index.js';
import {curatedFindings, curatedNames, parseInventory} from '../../source/screening/index.js';

const vendors = buildCatalog([{name: embeddedDatasetName, document: loadEmbeddedRecords()}]).vendors;
const vendor = (id: string): Vendor => vendors.find(candidate => candidate.id === id)!;

test('a bracketed note is left off an alias, and a name in it stands alone', () => {
	expect(curatedNames(vendor('bytedance-tiktok'))).toContain('Douyin');
	expect(curatedNames(vendor('huawei'))).toEqual(expect.arrayContaining(['HiSilicon', '海思半导体']));
	// A capitalised bracket is part of the name: China Telecom (Americas) is not China Telecom.
	expect(curatedNames(vendor('china-telecom-americas'))).not.toContain('China Telecom');
});

test.each([
	['Beijing Douyin Information Service', 'curated:bytedance-tiktok'],
	['Hisilicon Technologies', 'curated:huawei'],
	['Positive Technologies MaxPatrol SIEM', 'curated:positive-technologies'],
])('%s joins %s', (name, id) => {
	const {vendors: rows} = parseInventory(`name\n${name}\n`, 'inventory.csv');
	expect(curatedFindings(rows, vendors).map(hit => hit.entry.id)).toEqual([id]);
});

test('a one-word alias that is an English word is not found inside a longer name', () => {
	// "Predator" is Intellexa's spyware, and Acer's gaming laptops.
	const {vendors: rows} = parseInventory('name\nAcer Predator\n', 'inventory.csv');
	expect(curatedFindings(rows, vendors)).toEqual([]);
});
