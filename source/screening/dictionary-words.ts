// Plain English words ("dolphin", "cobalt", "rust", "railway", "face"): a company
// named by one of them is named by a word thousands of others also use, so sharing
// it says little about being the same company. The list is the lower-case stems of
// the Hunspell en_US dictionary (dictionary-words.json, made by
// source/build/generate-dictionary-words.mjs); names of people and places, which
// the dictionary capitalises, are not in it. Read on first use from beside this module
// (the build copies it beside the chunk holding this code), as the embedded dataset is:
// compiled as a module, its 350 KB were paid by every command that loads the matcher.
import {readFileSync} from 'node:fs';

/** Beside this module in the source, and beside the chunk holding it in the bundle (source/build/data-beside.mjs). */
const dictionaryWordsFile = 'dictionary-words.json';

let words: ReadonlySet<string> | undefined;

function readWords(): ReadonlySet<string> {
	const dictionary = JSON.parse(readFileSync(new URL(dictionaryWordsFile, import.meta.url), 'utf8')) as {words: string};
	return new Set(dictionary.words.split(' '));
}

/** The token is a dictionary word, or the plural of one ("dolphins"). */
export function isDictionaryWord(token: string): boolean {
	words ??= readWords();
	return words.has(token) || (token.length > 3 && token.endsWith('s') && words.has(token.slice(0, -1)));
}
