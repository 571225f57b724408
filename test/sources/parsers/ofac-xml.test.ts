import {describe, expect, it} from 'vitest';
import {ListFormatError, parseListFile} from '../../../source/sources/parsers/index.js';
import {fixture} from './helpers.js';

describe('OFAC classic XML', () => {
	it('reads every sdnEntry of sdn.xml', async () => {
		const parsed = await parseListFile(fixture('ofac-xml/sdn.xml'));
		expect(parsed.format).toBe('ofac-xml');
		expect(parsed.entities).toHaveLength(4);
	});

	it('reads every entry of the consolidated non-SDN list, whose type element is nspType', async () => {
		const {entities} = await parseListFile(fixture('ofac-xml/treasury_consolidated.xml'));
		expect(entities).toHaveLength(16);
		expect(entities.every(entity => entity.list === 'OFAC Consolidated (non-SDN)')).toBe(true);
		expect(entities.filter(entity => entity.type === 'person').length).toBeGreaterThan(0);
	});

	it('writes people and their a.k.a.s as "LAST, First" with ids, addresses and programmes', async () => {
		const {entities} = await parseListFile(fixture('ofac-xml/sdn.xml'));
		const person = entities.find(entity => entity.id === 'ofac-6982')!;
		expect(person).toMatchObject({
			name: "JIM'ALE, Ahmed Nur Ali",
			type: 'person',
			list: 'SDN',
			programs: ['SDGT'],
			remarks: 'Additional Djiboutian passport issued in 2010.',
		});
		expect(person.aliases).toContain('JUMALI, Ahmed Ali');
		expect(person.identifiers).toEqual(['Passport: A0181988 (Somalia)']);
	});

	it('decodes entities in address text', async () => {
		const {entities} = await parseListFile(fixture('ofac-xml/sdn.xml'));
		expect(entities.find(entity => entity.id === 'ofac-306')!.addresses).toContain('Federico Boyd Avenue & 51 Street, Panama City, Panama');
	});

	it('rejects the enhanced XML with a clear message', async () => {
		const attempt = parseListFile(fixture('ofac-xml/CONS_ENHANCED_first150.xml'), {inputName: 'CONS_ENHANCED.XML'});
		await expect(attempt).rejects.toBeInstanceOf(ListFormatError);
		await expect(attempt).rejects.toThrow(
			/^CONS_ENHANCED\.XML: OFAC "enhanced" XML \(sanctionsData\) is not supported yet; download the classic sdn\.xml/,
		);
	});
});
