// Pinyin, the romanisation of Mandarin both Chinese rules read (han-transcription.ts,
// wade-giles.ts): a syllable is an initial (or none) and a final. Two readings of it:
// - pinyinSyllables splits pinyin the romaniser wrote into its syllables, any initial
//   with any final (what it writes is pinyin by construction);
// - isPinyinSyllable and isPinyinWord say whether a Latin word may be pinyin at all,
//   with only the finals the tables allow after each initial.
import {boundedMemo} from './bounded-memo.js';

const initials = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w'];
const finals = [
	'iang',
	'iong',
	'uang',
	'ang',
	'eng',
	'ing',
	'ong',
	'ian',
	'iao',
	'uai',
	'uan',
	'ai',
	'ei',
	'ao',
	'ou',
	'an',
	'en',
	'in',
	'un',
	'ia',
	'ie',
	'iu',
	'ua',
	'uo',
	'ui',
	'ue',
	'er',
	'a',
	'o',
	'e',
	'i',
	'u',
	'v',
];

export type Syllable = {readonly initial: string; readonly final: string};

/** The token as pinyin syllables, longest finals first, or undefined when it is not pinyin. */
export function pinyinSyllables(token: string): readonly Syllable[] | undefined {
	return syllablesMemo(token) ?? undefined;
}

// From the end: parsed[at] is the syllables of token.slice(at), or null; linear in the token's length.
const syllablesMemo = boundedMemo((token: string): readonly Syllable[] | null => {
	const parsed: Array<Syllable[] | null> = new Array<Syllable[] | null>(token.length + 1).fill(null);
	parsed[token.length] = [];
	for (let at = token.length - 1; at >= 0; at--) {
		const initial = initials.find(candidate => token.startsWith(candidate, at)) ?? '';
		for (const final of finals) {
			const end = at + initial.length + final.length;
			// "er" stands alone (尔), never after an initial.
			if ((final === 'er' && initial) || !token.startsWith(final, at + initial.length) || !parsed[end]) continue;
			parsed[at] = [{initial, final}, ...parsed[end]!];
			break;
		}
	}
	return parsed[0] ?? null;
});

// Pinyin syllables by their structure: an initial and a final the standard tables
// allow after it (ü written u or v). A few combinations the language does not use
// pass too; they only make a word count as pinyin, which leaves it alone.
const strictSyllable = new RegExp(
	'^(?:' +
		[
			'(?:zh|ch|sh|r|z|c|s)(?:uang|ang|eng|ong|uai|uan|ai|ei|ao|ou|an|en|ua|uo|ui|un|a|e|i|u)',
			'[jqx](?:iang|iong|ian|iao|ing|uan|van|ia|ie|iu|in|ue|ve|un|vn|i|u|v)',
			'[bpmfdtnl](?:iang|ang|eng|ing|ong|ian|iao|uan|ai|ei|ao|ou|an|en|ia|ie|iu|in|uo|ui|un|ue|ve|a|o|e|i|u|v)',
			'[gkh](?:uang|ang|eng|ong|uai|uan|ai|ei|ao|ou|an|en|ua|uo|ui|un|a|e|u)',
			'y(?:ang|ing|ong|uan|ao|ou|an|in|un|ue|a|o|e|i|u)',
			'w(?:ang|eng|ai|ei|an|en|a|o|u)',
			'(?:ang|eng|ai|ei|ao|ou|an|en|er|a|o|e)',
		].join('|') +
		')$',
);

/** A pinyin syllable, by the tables. */
export function isPinyinSyllable(syllable: string): boolean {
	return strictSyllable.test(syllable);
}

/** Letters in the longest pinyin syllable ("zhuang", "chuang", "shuang"). */
export const longestPinyinSyllable = 6;

/** A word made of pinyin syllables only. */
export function isPinyinWord(word: string): boolean {
	// reachable[at]: the first `at` letters are pinyin syllables.
	const reachable = new Uint8Array(word.length + 1);
	reachable[0] = 1;
	for (let at = 0; at < word.length; at++) {
		if (!reachable[at]) continue;
		for (let length = 1; length <= longestPinyinSyllable && at + length <= word.length; length++)
			if (isPinyinSyllable(word.slice(at, at + length))) reachable[at + length] = 1;
	}
	return reachable[word.length] === 1;
}
