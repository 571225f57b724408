import {describe, expect, it} from 'vitest';
import {parseListFile} from '../../../source/sources/parsers/index.js';
import {fixture, scratchFiles} from './helpers.js';

describe('CSL JSON', () => {
	it.each([
		['el_expected_results.json', 7],
		['sdn_expected_results.json', 4],
		['dpl_expected_results.json', 9],
		['uvl_expected_results.json', 13],
		['isn_expected_results.json', 3],
		['dtc_expected_results.json', 4],
	])('reads every entry of %s (%i)', async (file, count) => {
		const parsed = await parseListFile(fixture(`csl-json/${file}`));
		expect(parsed.format).toBe('csl-json');
		expect(parsed.entities).toHaveLength(count);
	});

	it('turns address objects into one line each and their country codes into countries', async () => {
		const {entities} = await parseListFile(fixture('csl-json/sdn_expected_results.json'));
		expect(entities.find(entity => entity.id === '306')).toMatchObject({
			name: 'BANCO NACIONAL DE CUBA',
			aliases: ['BNC', 'NATIONAL BANK OF CUBA'],
			addresses: expect.arrayContaining(['Zweierstrasse 35, Zurich, CH-8022, CH', 'Federico Boyd Avenue & 51 Street, Panama City, PA']),
			countries: ['CH', 'ES', 'JP', 'PA'],
			programs: ['CUBA'],
		});
	});

	it('reads the top-level country and start date of a Nonproliferation entry', async () => {
		const {entities} = await parseListFile(fixture('csl-json/isn_expected_results.json'));
		expect(entities.find(entity => entity.id === '66a593540d9afb462007a039dc4ba73bbf0306b8')).toMatchObject({
			countries: ['RU'],
			listedOn: '2016-06-28',
			federalRegisterNotice: 'Vol. 81, No. 128, 07/05/16',
		});
	});

	it('accepts the bulk download wrapper {"results": [...]}', async () => {
		const path = scratchFiles({
			'consolidated.json': JSON.stringify({
				total: 1,
				results: [{id: 'x1', name: 'ACME Ltd', source: 'Entity List (EL) - Bureau of Industry and Security'}],
			}),
		});
		const parsed = await parseListFile(path);
		expect(parsed.format).toBe('csl-json');
		expect(parsed.entities.map(entity => entity.id)).toEqual(['x1']);
	});

	it('counts a country once whatever its case', async () => {
		const path = scratchFiles({
			'consolidated.json': JSON.stringify({
				results: [
					{
						id: 'x1',
						name: 'ACME Ltd',
						source: 'Entity List (EL) - Bureau of Industry and Security',
						country: 'ru',
						nationalities: ['RU', 'de'],
					},
				],
			}),
		});
		const {entities} = await parseListFile(path);
		expect(entities[0]!.countries).toEqual(['RU', 'DE']);
	});
});
