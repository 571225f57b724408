// Plain English words ("dolphin", "cobalt", "rust", "railway", "face"): a company
// named by one of them is named by a word thousands of others also use, so sharing
// it says little about being the same company. The list is the lower-case stems of
// the Hunspell en_US dictionary (dictionary-words.json, made by
// source/build/generate-dictionary-words.mjs); names of people and places, which
// the dictionary capitalises, are not in it.
import dictionary from './dictionary-words.json' with {type: 'json'};

let words: ReadonlySet<string> | undefined;

/** The token is a dictionary word, or the plural of one ("dolphins"). */
export function isDictionaryWord(token: string): boolean {
	words ??= new Set(dictionary.words.split(' '));
	return words.has(token) || (token.length > 3 && token.endsWith('s') && words.has(token.slice(0, -1)));
}
