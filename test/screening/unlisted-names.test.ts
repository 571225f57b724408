// The real unlisted names of the matching evaluation (source/bench/evaluation-names.ts):
// the exchanges' security names cut to the company's name, and the names that are
// listed or curated left out.
import {expect, test} from 'vitest';
import {companyOfSecurity, indexAndBrandNames, unlistedNames} from '../../source/bench/evaluation-names.js';

test("an exchange's security name is cut to the company's", () => {
	// As test/fixtures/names/nyse-listed.csv and nasdaq-listed-2025-09-30.csv write them.
	expect(companyOfSecurity('Agilent Technologies, Inc. Common Stock')).toBe('Agilent Technologies, Inc.');
	expect(companyOfSecurity('Artius II Acquisition Inc. - Class A Ordinary Shares')).toBe('Artius II Acquisition Inc.');
	expect(companyOfSecurity('Arbor Realty Trust 7.375% Senior Notes due 2021')).toBe('Arbor Realty Trust');
	expect(companyOfSecurity('Ambev S.A. American Depositary Shares (Each representing 1 Common Share)')).toBe('Ambev S.A.');
	expect(companyOfSecurity('Archer')).toBe('Archer');
});

test('the negatives leave out what is listed or curated, and no file footer or test stock is a name', () => {
	const names = unlistedNames().map(({name}) => name);
	expect(names).toContain('Agilent Technologies, Inc.');
	for (const excluded of ['CNOOC Limited', 'China Mobile Limited', 'Huawei', 'NASDAQ TEST STOCK', ''])
		expect(names).not.toContain(excluded);
	expect(names.some(name => name.startsWith('File Creation Time'))).toBe(false);
	expect(new Set(names).size).toBe(names.length);
});

test('the speed benches keep their S&P 500 and Simple Icons names', () => {
	const kept = indexAndBrandNames();
	expect(kept.length).toBeGreaterThan(4000);
	expect(kept.every(({origin}) => origin === 'S&P 500' || origin.startsWith('Simple Icons'))).toBe(true);
	expect(unlistedNames().slice(0, kept.length)).toEqual(kept);
});
