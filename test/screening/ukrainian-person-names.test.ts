// A Ukrainian or Belarusian person's name romanised from its own language (г as h:
// "Serhiy", "Ihor", "Oleh") and from its Russian form (г as g: "Sergey", "Igor",
// "Oleg"), both in Latin letters; the two systems also write the vowels apart (и as y
// or i, -iy or -y: "Hryhoriy", "Grigory"). Made-up family names.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, scoreCandidate, scoreNames} from '../../source/screening/index.js';
import {personRespelt, personRespeltKeys} from '../../source/screening/person-names.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';
import {expectNamesMeet} from './name-pairs.js';

test('a given name read with h for g is the same name, as supporting evidence of a person', () => {
	expect(personRespelt('serhiy', 'sergey')).toBe(true);
	expect(personRespelt('ihor', 'igor')).toBe(true);
	expect(personRespelt('hennadiy', 'gennadiy')).toBe(true);
	// Only the h and g exchanged: another letter is another name.
	expect(personRespelt('serhiy', 'sergio')).toBe(false);
});

test('the person is found from either reading beside a family name that agrees, and the index finds it', () => {
	const person = makeEntity({id: 'person', name: 'KOZYRENKO, Sergey', type: 'person'});
	expect(scoreCandidate({name: 'Serhiy Kozyrenko'}, person).score).toBeGreaterThanOrEqual(defaultThreshold);
	const index = buildIndex([
		person,
		makeEntity({id: 'other', name: 'KOZYRENKO, Hanna', type: 'person'}),
		makeEntity({id: 'company', name: 'Kozyrenko Trading'}),
	]);
	for (const query of ['Serhiy Kozyrenko', 'Kozyrenko Serhii']) {
		expectIndexAgrees(index, query, 'person');
	}
	// The reading never makes a person's name alone: a family name must agree as well.
	expect(matchName(index, 'Serhiy Petrenko').map(match => match.entity.id)).not.toContain('person');
});

test("г read h or g, with the other romanisation's vowels, is one word", () => {
	expect(personRespelt('hryhoriy', 'grigory')).toBe(true);
	expect(personRespelt('grigoriy', 'hryhoriy')).toBe(true);
	expect(personRespelt('tyahnybok', 'tyagnibok')).toBe(true);
	expect(personRespelt('heorhiy', 'georgy')).toBe(true);
	expectNamesMeet(
		[
			['Hryhoriy Kovalenko', 'KOVALENKO, Grigory'],
			['Grigoriy Kovalenko', 'KOVALENKO, Hryhoriy'],
			['Petro Tyahnybok', 'TYAGNIBOK, Petro'],
		],
		{kindB: 'person'},
	);
});

test('still only beside a word that agrees, and never across other consonants', () => {
	// Both words only respelt: nothing else of the name agrees.
	expect(scoreNames('Hryhoriy Tyahnybok', 'TYAGNIBOK, Grigory', {kindB: 'person'}).score).toBeLessThan(defaultThreshold);
	expect(personRespelt('hryhoriy', 'gregory')).toBe(true);
	expect(personRespelt('halyna', 'galina')).toBe(true);
	// An English word is no name romanised twice: "Garcia Legal Inc." is no hit on LUHIL, Garcia.
	expect(personRespelt('legal', 'lehel')).toBe(false);
	expect(scoreNames('Garcia Legal Inc.', 'LUHIL, Garcia Pochotiv', {kindB: 'person'}).score).toBeLessThan(defaultThreshold);
	// Another consonant is another name, however г is read.
	expect(personRespelt('hryhoriy', 'grinberg')).toBe(false);
	expect(personRespelt('hanna', 'gianni')).toBe(false);
});

test('the candidate index finds the Russian spelling from the Ukrainian one and back', () => {
	expect(personRespeltKeys('grigory')).toContain(personRespeltKeys('hryhoriy')[0]);
	const index = buildIndex([
		makeEntity({id: 'ukrainian', name: 'KOVALENKO, Hryhoriy', type: 'person'}),
		makeEntity({id: 'russian', name: 'TKACHENKO, Grigoriy', type: 'person'}),
	]);
	expectIndexAgrees(index, 'Grigory Kovalenko', 'ukrainian');
	expectIndexAgrees(index, 'Hryhoriy Tkachenko', 'russian');
});
