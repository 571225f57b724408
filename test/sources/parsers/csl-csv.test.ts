import {describe, expect, it} from 'vitest';
import {parseListFile} from '../../../source/sources/parsers/index.js';
import {entitiesOfEachRowAlone, expectOneFrozenList, fixture} from './helpers.js';

const sample2022 = fixture('csl-csv/consolidated_2022-05-16_sample.csv');

describe('CSL CSV', () => {
	it('reads every row of the 2022 sample', async () => {
		const parsed = await parseListFile(sample2022);
		expect(parsed.format).toBe('csl-csv');
		expect(parsed.entities).toHaveLength(349);
		expect(parsed.warnings).toEqual([]);
	});

	it('reads each row of the 2022 sample as it reads that row alone, and rows with the same programmes share one frozen list', async () => {
		const {entities} = await parseListFile(sample2022);
		expect(entities).toEqual(await entitiesOfEachRowAlone(sample2022));
		expectOneFrozenList(entities.filter(entity => entity.programs.join() === 'CMIC-EO13959').map(entity => entity.programs));
	});

	it('reads every row of the 2025 file that quotes every field', async () => {
		expect((await parseListFile(fixture('csl-csv/consolidated_2025_small.csv'))).entities).toHaveLength(13);
	});

	it('reads the 2019 layout without an _id column', async () => {
		const parsed = await parseListFile(fixture('csl-csv/consolidated_2019_legacy_28col.csv'));
		expect(parsed.entities).toHaveLength(115);
		expect(parsed.warnings).toEqual([]);
	});

	it('splits the Hikvision aliases on "; " and keeps its list id', async () => {
		const {entities} = await parseListFile(sample2022);
		const hikvision = entities.find(entity => entity.name === 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.');
		expect(hikvision).toMatchObject({
			id: '30946',
			aliases: ['HIKVISION', 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY'],
			type: 'entity',
			countries: ['CN'],
			list: 'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department',
			programs: ['CMIC-EO13959'],
		});
		expect(hikvision!.identifiers).toContain('Unified Social Credit Code (USCC): 91330000733796106P (CN)');
	});

	it('trims names that start with a space', async () => {
		const {entities} = await parseListFile(sample2022);
		expect(entities.find(entity => entity.id === 'deb7a1d5743a85c354ca1a2c7f2664e2104b32d7')!.name).toBe('I. ASH');
	});

	it('takes listedOn, the Federal Register notice and source URLs from an Entity List row', async () => {
		const {entities} = await parseListFile(sample2022);
		expect(entities.find(entity => entity.name === '140 Repair Plant JSC')).toMatchObject({
			listedOn: '2022-04-07',
			federalRegisterNotice: '87 FR 20299',
			addresses: ['19 Luysi Chalovskoy St., Borisov, 222512, BY'],
			countries: ['BY'],
			sourceUrls: ['http://bit.ly/1L47xrV'],
			type: 'other',
		});
	});

	it('gives 2019 rows without an entity number a sha256 content id', async () => {
		const {entities} = await parseListFile(fixture('csl-csv/consolidated_2019_legacy_28col.csv'));
		const dpl = entities.find(entity => entity.name === 'ADRIAN MANUEL HERNANDEZ')!;
		expect(dpl.id).toMatch(/^sha256:[0-9a-f]{64}$/);
		const again = await parseListFile(fixture('csl-csv/consolidated_2019_legacy_28col.csv'));
		expect(again.entities.find(entity => entity.name === 'ADRIAN MANUEL HERNANDEZ')!.id).toBe(dpl.id);
	});
});
