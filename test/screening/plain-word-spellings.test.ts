// A word that is another spelling of a generic or plain dictionary word tells no more
// than that word: a rare spelling is not a rare name. "Systema" and "Barilliance" are
// real brands that met real list entries ("CYLINDER SYSTEM L.T.D.", "Brilliance
// Technology Ltd") on a generic or dictionary word weighed as a distinctive one.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, scoreNames} from '../../source/screening/index.js';
import {genericWeight} from '../../source/screening/token-weights.js';
import {pairedWeights, spellsPlainWord} from '../../source/screening/score.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';
import {expectNamesMeet} from './name-pairs.js';

test('another spelling of a generic or dictionary word weighs what that word weighs', () => {
	expect(spellsPlainWord(1, genericWeight, 0.93)).toBe(true);
	expect(pairedWeights(1, genericWeight, false, 0.93)).toEqual([genericWeight, genericWeight]);
	// The same word, or two spellings of a name's own words, keep their weights.
	expect(pairedWeights(1, genericWeight, false, 1)).toEqual([1, genericWeight]);
	expect(pairedWeights(1, 0.6, false, 0.93)).toEqual([1, 0.6]);
});

test('a one-word brand no longer meets a listed name on a spelling of a plain word', () => {
	const systema = scoreNames('Systema', 'CYLINDER SYSTEM L.T.D.');
	expect(systema.score).toBeLessThan(defaultThreshold);
	// The explanation shows the weight the pair counted with, and why.
	expect(systema.tokenScores[0]).toMatchObject({a: 'systema', b: 'system', weightA: genericWeight, weightB: genericWeight});
	expect(systema.notes.join('; ')).toContain('"systema" and "system" spell one plain word');
	expect(scoreNames('Barilliance', 'Brilliance Technology Ltd').score).toBeLessThan(defaultThreshold);
});

test('the spellings of one name still meet', () => {
	expectNamesMeet([
		['Dolfin Trading', 'DOLPHIN TRADING'],
		['Kasperskiy Lab', 'Kaspersky Lab'],
		['Huawey Technologies', 'HUAWEI TECHNOLOGIES CO., LTD.'],
		['Hik Vision', 'Hikvision'],
	]);
});

test('the candidate index weighs the pairs as the scorer does', () => {
	const index = buildIndex([
		makeEntity({id: 'cylinder', name: 'CYLINDER SYSTEM L.T.D.'}),
		makeEntity({id: 'brilliance', name: 'Brilliance Technology Ltd'}),
		makeEntity({id: 'dolphin', name: 'DOLPHIN TRADING'}),
	]);
	expect(matchName(index, 'Systema')).toEqual([]);
	expect(matchName(index, 'Barilliance')).toEqual([]);
	expectIndexAgrees(index, 'Systema');
	expectIndexAgrees(index, 'Dolfin Trading', 'dolphin');
});
