// A Ukrainian or Belarusian person's name romanised from its own language (г as h:
// "Serhiy", "Ihor", "Oleh") and from its Russian form (г as g: "Sergey", "Igor",
// "Oleg"), both in Latin letters. Made-up family names.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, scoreCandidate} from '../../source/screening/index.js';
import {personRespelt} from '../../source/screening/person-names.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

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
