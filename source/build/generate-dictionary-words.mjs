#!/usr/bin/env node
// Rebuilds source/screening/dictionary-words.json, the plain English words that
// weigh as little as generic business words in matching (token-weights.ts):
// `node source/build/generate-dictionary-words.mjs`. The words are the
// lower-case stems of the Hunspell en_US dictionary in the pinned `dictionary-en`
// package (SCOWL); capitalised entries (names of people and places) are left out.
import {readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

// The package exports only its loader (index.js, which reads index.dic beside it).
const packageFolder = dirname(fileURLToPath(import.meta.resolve('dictionary-en')));
export const dictionaryFile = join(packageFolder, 'index.dic');
export const dictionaryVersion = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')).version;
export const wordsFile = fileURLToPath(new URL('../screening/dictionary-words.json', import.meta.url));

/** Lower-case stems of three letters or more, sorted, from a Hunspell .dic text (first line: the count). */
export function dictionaryWords(dic) {
	const words = new Set();
	for (const line of dic.split('\n').slice(1)) {
		const stem = line.split('/')[0].trim();
		if (/^[a-z]{3,}$/.test(stem)) words.add(stem);
	}
	return [...words].sort();
}

/** The file's exact text, so a test can prove the committed list is what the package gives. */
export const wordsText = (words, version) =>
	JSON.stringify({source: `dictionary-en@${version} (Hunspell en_US, SCOWL): lower-case stems`, words: words.join(' ')}) + '\n';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const words = dictionaryWords(readFileSync(dictionaryFile, 'utf8'));
	writeFileSync(wordsFile, wordsText(words, dictionaryVersion));
	console.log(`wrote ${wordsFile}: ${words.length} words from dictionary-en@${dictionaryVersion}`);
}
