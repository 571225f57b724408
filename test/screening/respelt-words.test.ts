// A name word respelt ("Nur"/"Noor", "Tair"/"Tayr", "Misr"/"Masr"): the edit rules
// refuse short words, but the same first letter, consonants and sound are evidence
// beside the rest of the name, never alone. Made-up names throughout.
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, matchNameExhaustive, scoreNames} from '../../source/screening/index.js';
import {consonantSkeleton, nameRespelt} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';

const person = (a: string, b: string) => scoreNames(a, b, {kindB: 'person'}).score;
const organisation = (a: string, b: string) => scoreNames(a, b).score;

// The skeleton as a chain of replacements: what consonantSkeleton's loops must give.
const chainedSkeleton = (token: string): string =>
	token
		.replace(/kh/g, 'h')
		.replace(/sh|ch/g, 's')
		.replace(/th/g, 't')
		.replace(/dh/g, 'd')
		.replace(/gh/g, 'g')
		.replace(/ph/g, 'f')
		.replace(/[qc]/g, 'k')
		.replace(/v/g, 'b')
		.replace(/[aeiouyw]/g, '')
		.replace(/(.)\1+/g, '$1')
		.replace(/(?<=.)h$/, '');

test('consonantSkeleton gives what the chain of replacements gives, for any token', () => {
	const letter = fc.constantFrom(...'abcdghkpqstvwyhh0'.split(''));
	fc.assert(
		fc.property(fc.array(letter, {maxLength: 16}), letters => {
			const token = letters.join('');
			expect(consonantSkeleton(token)).toBe(chainedSkeleton(token));
		}),
		{numRuns: 2000},
	);
});

describe('nameRespelt', () => {
	test.each([
		['nur', 'noor'],
		['tair', 'tayr'],
		['asad', 'assad'],
		['abu', 'abou'],
		['munir', 'muneer'],
		['umran', 'omran'],
		['husseini', 'hoseyni'],
	])('%s and %s are one name respelt', (a, b) => {
		expect(nameRespelt(a, b)).toBe(true);
		expect(nameRespelt(b, a)).toBe(true);
	});

	test.each([
		['ali', 'al'],
		['intel', 'inter'],
		['nur', 'mur'],
		['sami', 'sara'],
		['karim', 'karimova'],
		['amir', 'omar'],
	])('%s and %s are not', (a, b) => expect(nameRespelt(a, b)).toBe(false));
});

describe('a respelt word', () => {
	test("in a person's name, pairs beside a family name that agrees", () => {
		expect(person('Nur Zelvani', 'ZELVANI, Noor')).toBeGreaterThanOrEqual(defaultThreshold);
		expect(person('Karim Tair', 'TAYR, Karim')).toBeGreaterThanOrEqual(defaultThreshold);
	});

	test('never makes a match alone', () => {
		expect(person('Nur Zelvani', 'NOOR, Brastov')).toBeLessThan(defaultThreshold);
		expect(person('Nur', 'NOOR')).toBeLessThan(defaultThreshold);
	});

	test('in an organisation, counts beside a distinctive word that agrees, never alone', () => {
		expect(organisation('Zelvani Misr Trading', 'ZELVANI MASR TRADING')).toBeGreaterThanOrEqual(defaultThreshold);
		expect(organisation('Tair Holdings', 'TAYR LLC')).toBeLessThan(defaultThreshold);
		expect(organisation('Misr Trading', 'MASR TRADING CO')).toBeLessThan(defaultThreshold);
	});

	test('is found by the candidate index as exhaustive scoring finds it', () => {
		const index = buildIndex([
			makeEntity({id: 'tayr', name: 'TAYR, Karim', type: 'person'}),
			makeEntity({id: 'noor', name: 'ZELVANI, Noor', type: 'person'}),
			makeEntity({id: 'org', name: 'Noor Zelvani Trading'}),
			makeEntity({id: 'misr', name: 'ZELVANI MASR TRADING'}),
		]);
		for (const query of ['Karim Tair', 'Nur Zelvani', 'Nur Brastov', 'Zelvani Misr Trading', 'Misr Trading']) {
			const found = matchName(index, query).map(match => [match.entity.id, match.score]);
			expect(found).toEqual(matchNameExhaustive(index, query).map(match => [match.entity.id, match.score]));
		}
		expect(matchName(index, 'Karim Tair').map(match => match.entity.id)).toEqual(['tayr']);
		expect(matchName(index, 'Nur Zelvani').map(match => match.entity.id)).toContain('noor');
	});
});
