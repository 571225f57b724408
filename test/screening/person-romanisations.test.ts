// A person's name word romanised by two systems ("Yevgeniy"/"Evgeny",
// "Sadegh"/"Sadiq", "Chanjira"/"Chanchira"): beside the rest of a person's name that
// agrees, it pairs; alone, or in a company's name, it does not. Made-up names throughout.
import {describe, expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, matchNameExhaustive, scoreNames} from '../../source/screening/index.js';
import {personRespelt, personSpelling} from '../../source/screening/person-names.js';
import {makeEntity} from './fixtures.js';

const person = (a: string, b: string) => scoreNames(a, b, {kindB: 'person'}).score;
const organisation = (a: string, b: string) => scoreNames(a, b).score;

describe('personSpelling', () => {
	test.each([
		['yevgeniy', 'evgeny'],
		['ievgen', 'yevgen'],
		['aleksandra', 'alexandra'],
		['chanjara', 'chanchara'],
		['djamal', 'jamal'],
		['sadegh', 'sadeq'],
		['hamadi', 'hammadi'],
	])('writes %s and %s alike', (a, b) => expect(personSpelling(a)).toBe(personSpelling(b)));
});

describe('personRespelt', () => {
	test.each([
		['yevgeniy', 'evgeny'],
		['oleksandr', 'olexander'],
		['jehaysha', 'jhayshah'],
		['sadegh', 'sadiq'],
		['murecikli', 'murejikli'],
		['zemfira', 'zemphira'],
	])('%s and %s are one name word romanised twice', (a, b) => {
		expect(personRespelt(a, b)).toBe(true);
		expect(personRespelt(b, a)).toBe(true);
	});

	test.each([
		// Other consonants, or vowels too far apart once the spelling is one: other names.
		['hasan', 'husein'],
		['karim', 'kamil'],
		['omar', 'amir'],
		// Two consonants say too little; short words are nameRespelt's.
		['ihor', 'ehar'],
		['sara', 'soraya'],
		['vladko', 'vladkovich'],
	])('%s and %s are not', (a, b) => expect(personRespelt(a, b)).toBe(false));
});

describe('a word romanised twice', () => {
	test("pairs in a person's name beside the rest of the name", () => {
		expect(person('Yevgeniy Morlakov', 'MORLAKOV, Evgeny')).toBeGreaterThanOrEqual(defaultThreshold);
		expect(person('Tarek Sadegh Zilani', 'ZILANI, Tarek Sadiq')).toBeGreaterThanOrEqual(defaultThreshold);
	});

	test('never makes a match alone', () => {
		expect(person('Yevgeniy Morlakov', 'BRASTOV, Evgeny')).toBeLessThan(defaultThreshold);
		expect(person('Sadegh', 'SADIQ')).toBeLessThan(defaultThreshold);
	});

	test('does not join the words of a company name', () => {
		expect(person('Tarek Sadegh', 'SADIQ, Tarek')).toBeGreaterThanOrEqual(defaultThreshold);
		expect(organisation('Tarek Sadegh', 'TAREK SADIQ')).toBeLessThan(defaultThreshold);
	});

	test('is found by the candidate index as exhaustive scoring finds it', () => {
		const index = buildIndex([
			makeEntity({id: 'evgeny', name: 'MORLAKOV, Evgeny', type: 'person'}),
			makeEntity({id: 'sadiq', name: 'ZILANI, Tarek Sadiq', type: 'person'}),
			makeEntity({id: 'org', name: 'EVGENY MORLAKOV HOLDINGS'}),
		]);
		for (const query of ['Yevgeniy Morlakov', 'Tarek Sadegh Zilani', 'Yevgeniy Brastov', 'Yevgeniy Morlakov Holdings']) {
			const found = matchName(index, query).map(match => [match.entity.id, match.score]);
			expect(found).toEqual(matchNameExhaustive(index, query).map(match => [match.entity.id, match.score]));
		}
		expect(matchName(index, 'Yevgeniy Morlakov').map(match => match.entity.id)).toContain('evgeny');
		expect(matchName(index, 'Tarek Sadegh Zilani').map(match => match.entity.id)).toEqual(['sadiq']);
		expect(matchName(index, 'Yevgeniy Brastov')).toEqual([]);
	});
});
