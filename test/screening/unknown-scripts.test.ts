// Scripts `transliteration` has no table for: their names must still become words.
// The Meetei Mayek name is one of Mohammed bin Salman's in OpenSanctions' Saudi
// Wikidata PEPs (test/fixtures/opensanctions-ftm/sa_wiki_peps_entities.ftm.json).
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, normalizeName, scoreNames} from '../../source/screening/index.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

const meeteiMayek = 'ꯃꯣꯍꯝꯃꯦꯗ ꯕꯤꯟ ꯁꯜꯃꯥꯟ';

test.each([
	[meeteiMayek, 'mohmmed bin slman'],
	// Tifinagh and Javanese, two more scripts `transliteration` drops.
	['ⴰⵎⴰⵣⵉⵖ', 'amazigh'],
	['ꦗꦮ Bank', 'jw bank'],
	// A script `transliteration` reads keeps its reading.
	['किंग सलमान', 'king slmaan'],
])('%s is read as "%s"', (name, normalized) => expect(normalizeName(name).normalized).toBe(normalized));

test('a name in such a script meets its Latin spelling, in the scorer and the index', () => {
	expect(scoreNames(meeteiMayek, 'Mohammed bin Salman', {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
	// Another person with one of the words is no match.
	expect(scoreNames(meeteiMayek, 'Mohammed bin Rashid', {kindB: 'person'}).score).toBeLessThan(defaultThreshold);
	const index = buildIndex([
		makeEntity({id: 'mbs', name: 'Mohammed bin Salman', type: 'person'}),
		makeEntity({id: 'other', name: 'Mohammed bin Rashid', type: 'person'}),
	]);
	expectIndexAgrees(index, meeteiMayek, 'mbs');
});
