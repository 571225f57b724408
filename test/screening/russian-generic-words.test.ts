// Generic words of Russian company names in romanisation, and the English words they
// are written for. Made-up company names.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, scoreNames, tokenSimilarity} from '../../source/screening/index.js';
import {isDistinctive} from '../../source/screening/token-weights.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

test('a Russian form of a generic word, in any case and romanisation, is the English word', () => {
	for (const [russian, english] of [
		['kommercheskiy', 'commercial'],
		['kommercheski', 'commercial'],
		['kommercheskogo', 'commercial'],
		['tsentralnyy', 'central'],
		['rossiyskoy', 'russian'],
		['federatsii', 'federation'],
		['moskvy', 'moscow'],
		['banka', 'bank'],
		// Prefixes written as words of their own, and nouns as German spells them too
		['avto', 'auto'],
		['avia', 'aviation'],
		['logistika', 'logistics'],
		['logistik', 'logistics'],
		['metall', 'metals'],
	]) {
		expect(tokenSimilarity(russian!, english!), russian).toBeGreaterThanOrEqual(0.95);
		expect(isDistinctive(russian!), russian).toBe(false);
	}
	// A translation is another word; a distinctive word is never paired so.
	expect(tokenSimilarity('okhrana', 'security')).toBe(0);
	expect(tokenSimilarity('kommercheskiy', 'chemical')).toBe(0);
});

test('a Russian company name meets its English name, and the index finds it', () => {
	const pairs = [
		['Kommercheskiy Bank Zelvano', 'Zelvano Commercial Bank'],
		['Bank Moskvy Zelvano', 'Zelvano Bank of Moscow'],
		['Tsentralnyy Institut Zelvano Rossiyskoy Federatsii', 'Central Zelvano Institute of the Russian Federation'],
		['ZL-Avto', 'ZL-Auto'],
		['Zelvano Logistika', 'Zelvano Logistics'],
	] as const;
	for (const [russian, english] of pairs) {
		expect(scoreNames(russian, english).score, russian).toBeGreaterThanOrEqual(defaultThreshold);
		expect(scoreNames(english, russian).score, english).toBeGreaterThanOrEqual(defaultThreshold);
	}
	const index = buildIndex([
		...pairs.map(([, english], at) => makeEntity({id: `english-${at}`, name: english})),
		makeEntity({id: 'other', name: 'Boryu Commercial Bank'}),
	]);
	pairs.forEach(([russian], at) => expectIndexAgrees(index, russian, `english-${at}`));
	// The generic words alone do not make another company's name.
	expect(matchName(index, 'Kommercheskiy Bank Boryatino').map(match => match.entity.id)).not.toContain('other');
});
