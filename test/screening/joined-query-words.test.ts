// Two query words written as one respelt word on the list: the pairs are from the
// list fixtures (the CSL sample's "Bel Huawei Technologies LLC" with its alias
// "BellHuawei Technologies LLC.", OFAC's "HOSEIN-PUR" and "HOSSEINPOUR",
// "Abed Allah" and "Abdullah"). A join meets only a respelling of itself, not a
// word its coarse fold key happens to share, and a preposition is never joined on.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, scoreNames} from '../../source/screening/index.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

const organisation = (a: string, b: string) => scoreNames(a, b).score;
const person = (a: string, b: string) => scoreNames(a, b, {kindA: 'person', kindB: 'person'}).score;

test('two query words meet one list word respelt', () => {
	expect(organisation('Bel Huawei Technologies LLC', 'BellHuawei Technologies LLC.')).toBeGreaterThanOrEqual(defaultThreshold);
	expect(person('HOSEIN-PUR, Houshang', 'HOSSEINPOUR, Houshang')).toBeGreaterThanOrEqual(defaultThreshold);
	expect(person('HALAYQA, Sameera Abed Allah', 'HALAYQAH, Samira Abdullah')).toBeGreaterThanOrEqual(defaultThreshold);
});

test('a join that shares only a coarse fold key, or takes a preposition, meets nothing', () => {
	// "aziz saud" and "yazid" share the coarse key "asd", and are not one word.
	expect(person('Said ibn Abd-al-Aziz Al Saud', "Yazid bin Sa'ud Al Sa'ud")).toBeLessThan(defaultThreshold);
	// "da Arabia" and "dl'Arabia" are both "of Arabia": two other people of one country.
	expect(person('Khalid da Arábia Saudita', "Abdullah dl'Arabia Saudita")).toBeLessThan(defaultThreshold);
});

test('the candidate index finds the joined word through its fold key, as the scorer meets it', () => {
	const index = buildIndex([
		makeEntity({id: 'bell', name: 'BellHuawei Technologies LLC.'}),
		makeEntity({id: 'other', name: 'Bel Trading LLC'}),
		makeEntity({id: 'hosseinpour', name: 'HOSSEINPOUR, Houshang', type: 'person'}),
	]);
	expectIndexAgrees(index, 'Bel Huawei Technologies LLC', 'bell');
	expectIndexAgrees(index, 'Hosein Pur Houshang', 'hosseinpour');
});
