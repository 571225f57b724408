import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {dictionaryFile, dictionaryVersion, dictionaryWords, wordsFile, wordsText} from '../../source/build/generate-dictionary-words.mjs';
import {isDictionaryWord} from '../../source/screening/dictionary-words.js';
import {scoreNames} from '../../source/screening/index.js';
import {dictionaryWeight, tokenWeight} from '../../source/screening/token-weights.js';

describe('dictionary words', () => {
	test('the committed list is exactly what the pinned dictionary-en package gives', () => {
		const words = dictionaryWords(readFileSync(dictionaryFile, 'utf8'));
		expect(readFileSync(wordsFile, 'utf8')).toBe(wordsText(words, dictionaryVersion));
	});

	test('plain words and their plurals are in, names of people and places are not', () => {
		expect(['dolphin', 'dolphins', 'cobalt', 'railway', 'rust'].filter(isDictionaryWord)).toHaveLength(5);
		expect(['charles', 'kaspersky', 'huawei', 'moscow', 'hikvision'].filter(isDictionaryWord)).toEqual([]);
	});

	test('a plain word weighs as little as a generic one', () => {
		expect(tokenWeight('dolphin')).toBe(dictionaryWeight);
		expect(tokenWeight('hikvision')).toBe(1);
	});

	test('a one-word brand that is a plain word is no match for a longer listed name on that word alone', () => {
		expect(scoreNames('Dolphin', 'DOLPHIN TRADING COMPANY LIMITED').score).toBeLessThan(0.8);
		expect(scoreNames('Cobalt', 'INTERNATIONAL COBALT CO. INC.').score).toBeLessThan(0.8);
		// Two names that agree word for word still do.
		expect(scoreNames('Dolphin Trading Co.', 'DOLPHIN TRADING COMPANY LIMITED').score).toBe(1);
	});
});
