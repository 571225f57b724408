import {describe, expect, test} from 'vitest';
import {buildIndex, matchName, matchNameExhaustive, scoreCandidate} from '../../source/screening/index.js';
import {namesMatchedAlone} from '../../source/screening/person-names.js';
import {makeEntity} from './fixtures.js';

// Made-up names only: a person listed with a given and a family name also published alone.
const person = makeEntity({id: 'p', type: 'person', name: 'BRENKSTAD, Orlavio', aliases: ['Orlavio Brenkstad', 'Orlavio', 'Brenkstäd']});
const company = makeEntity({id: 'c', name: 'Velmora Trading LLC', aliases: ['Velmora']});
const nickname = makeEntity({id: 'n', type: 'person', name: 'Quendrix Talvane', aliases: ['Zarovik']});
const single = makeEntity({id: 's', type: 'person', name: 'Yselmo'});
const entries = [person, company, nickname, single];

const hitIds = (name: string) => matchName(buildIndex(entries), name).map(match => match.entity.id);

describe("a person's one-word name that is a part of a fuller name", () => {
	test('is not matched alone: a company named like the given or the family name is no hit', () => {
		for (const name of ['Orlavio', 'Brenkstad', 'Orlavio GmbH', 'Brenkstad AG']) {
			expect(hitIds(name), name).toEqual([]);
			expect(matchNameExhaustive(buildIndex(entries), name), name).toEqual([]);
			expect(scoreCandidate({name}, person).score, name).toBeLessThan(0.8);
		}
	});

	test('the fuller name still matches, in either order, in the index and the scorer alike', () => {
		for (const name of ['Orlavio Brenkstad', 'Brenkstad, Orlavio', 'Orlavio Brenkstadt']) {
			expect(hitIds(name), name).toEqual(['p']);
			const scored = scoreCandidate({name}, person);
			expect(scored.score, name).toBeGreaterThanOrEqual(0.8);
			expect(matchName(buildIndex(entries), name)[0]!.score, name).toBeCloseTo(scored.score, 9);
		}
	});

	test("an organisation's one-word alias, a person's only name and a nickname no fuller name contains still match alone", () => {
		expect(hitIds('Velmora')).toEqual(['c']);
		expect(hitIds('Yselmo')).toEqual(['s']);
		expect(hitIds('Zarovik')).toEqual(['n']);
		expect(scoreCandidate({name: 'Velmora'}, company).score).toBe(1);
		expect(scoreCandidate({name: 'Zarovik'}, nickname).score).toBe(1);
	});

	test('the rule reads words, not letters: only a whole word of a fuller name of the same entry counts', () => {
		expect(namesMatchedAlone([['orlavio', 'brenkstad'], ['orlavio'], ['brenk'], ['brenkstad']], true)).toEqual([true, false, true, false]);
		expect(namesMatchedAlone([['velmora', 'trading'], ['velmora']], false)).toEqual([true, true]);
		expect(namesMatchedAlone([['yselmo']], true)).toEqual([true]);
	});
});
