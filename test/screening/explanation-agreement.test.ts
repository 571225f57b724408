// A hit's explanation scores the reviewer's name against the entry as the candidate index did. The index joins and
// splits a query word where the lists hold the new word, and a romanised word where its vocabulary shares a key with
// it; the scorer makes the same variants, so an explanation never says "no match" (or a lower score) for a hit.
import {expect, test} from 'vitest';
import type {ScreeningEntity} from '../../source/records/index.js';
import {buildIndex, defaultThreshold, matchName, scoreCandidate} from '../../source/screening/index.js';
import {makeEntity} from './fixtures.js';

const person = (id: string, name: string): ScreeningEntity => makeEntity({id, name, type: 'person'});

test.each([
	// A particle written onto the name, split because another entry writes "Qarni": "al qarni" then meets القرني.
	['Ali AlQarni', [person('arabic', 'علي القرني'), person('other', 'QARNI, Saad Nasser')], 'arabic'],
	// Split because another entry writes "Turab": "Abu Turab" then meets "Abu Torab" respelt.
	['ABUTURAB, Ali Muhammad', [person('torab', 'TORAB, Abu Ali'), person('other', 'TURAB, Hassan Karim')], 'torab'],
	// Hangul syllables written apart, joined as the Latin brand is one word.
	['화웨이', [makeEntity({id: 'brand', name: 'Huawei'})], 'brand'],
])('the explanation of %s reaches the score the index found', (query, entities, found) => {
	const index = buildIndex(entities);
	const matches = matchName(index, query);
	expect(matches.map(match => match.entity.id)).toContain(found);
	for (const match of matches) {
		const explained = scoreCandidate({name: query}, match.entity, index.statistics);
		expect(explained.score, match.matchedName).toBeGreaterThanOrEqual(defaultThreshold);
		expect(explained.score, match.matchedName).toBeCloseTo(match.score, 3);
	}
});
