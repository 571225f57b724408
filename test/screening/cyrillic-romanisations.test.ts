// One Russian name in the romanisations reviewers meet: BGN/PCGN (the US lists'), ISO 9 (libraries,
// GOST 7.79 A: я ю є as â û ê, the signs as primes) and the passport's (ICAO: я ю as ia iu, й as i).
// Юрий Ковальчук and Яковлев are real Russian names; the companies are real Russian words.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, scoreNames} from '../../source/screening/index.js';
import {fineFold} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

const person = (a: string, b: string) => scoreNames(a, b, {kindB: 'person'}).score;

test.each([
	['ISO 9', 'Ûrij Kovalʹčuk'],
	['passport', 'Iurii Kovalchuk'],
	['BGN/PCGN', 'Yuriy Kovalchuk'],
])('%s: %s meets KOVALCHUK, Yuriy', (_system, name) => {
	expect(person(name, 'KOVALCHUK, Yuriy')).toBeGreaterThanOrEqual(defaultThreshold);
});

test("ISO 9's first â, û, ê are the y other systems write", () => {
	expect(scoreNames('Âkovlev', 'Yakovlev').score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('Ûžnyj', 'Yuzhny').score).toBeGreaterThanOrEqual(defaultThreshold);
	// Further in a word they are a Romance vowel still: "Câmara" is Camara, and no "Cyamara".
	expect(scoreNames('Câmara', 'Camara').score).toBe(1);
});

test("ISO 9's hard and soft signs are no word breaks", () => {
	expect(
		scoreNames('Obʺedinennaâ Aviastroitelʹnaâ Korporaciâ', 'Obyedinennaya Aviastroitelnaya Korporatsiya').score,
	).toBeGreaterThanOrEqual(0.9);
});

test('-ия and -ие fold alike however the iotation is written', () => {
	for (const [a, b] of [
		['korporatsiya', 'korporacia'],
		['kompaniya', 'kompania'],
		['mashinostroyeniye', 'mashinostroenie'],
		['novyye', 'novie'],
		['iurii', 'yuriy'],
	]) {
		expect(fineFold(a!), `${a} / ${b}`).toBe(fineFold(b!));
	}
	// A first i before a consonant is no y.
	expect(fineFold('ivanov')).not.toBe(fineFold('yvanov'));
});

test('the index finds a person listed in one system from a name in another', () => {
	const index = buildIndex([
		makeEntity({id: 'listed', name: 'KOVALCHUK, Yuriy Valentinovich', type: 'person'}),
		makeEntity({id: 'other', name: 'Kovalchuk Trading'}),
	]);
	for (const query of ['Ûrij Kovalʹčuk', 'Iurii Kovalchuk']) expectIndexAgrees(index, query, 'listed');
});
