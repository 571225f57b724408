// Wade-Giles, syllable by syllable. Taiwanese companies and older Chinese names are
// written in Wade-Giles ("Chung Hsing", "Hsinchu", "Tatung"), the lists and
// inventories often in pinyin ("Zhong Xing", "Xinzhu", "Datong"). The two systems
// spell one syllable in fixed, known ways, so a word written in Wade-Giles is read as
// the pinyin words it can stand for, and meets one of them as a romanisation variant.
//
// Only a word that cannot be pinyin is read so ("chung", "hsing" can only be
// Wade-Giles; "chang" is pinyin too and is left as it is), and it meets only a word
// that is exactly one of its readings: "Chung" is "zhong" or "chong", never "jung".
// Apostrophes (aspiration) are gone after normalisation, so "ch" stands for both the
// unaspirated and the aspirated initial (zh/j and ch/q), "t" for d and t, and so on.
// The looser coarse key for postal spellings ("Tsinghua", "Chungking") stays in
// token-similarity.ts (chineseAgreement).
import {boundedMemo} from './bounded-memo.js';
import {isPinyinSyllable, isPinyinWord, longestPinyinSyllable} from './pinyin.js';

// A spelling pinyin never uses: Wade-Giles (or postal), not pinyin.
const wadeGilesMarker = /^(?:hs|ts|tz|sz)|hs[iü]|hw|(?:ung|ieh|ih|erh)$/;

/** The word has a spelling pinyin never uses (hs, ts, tz, sz, hw, -ung, -ieh, -ih, -erh). */
export function hasWadeGilesSpelling(token: string): boolean {
	return wadeGilesMarker.test(token);
}

// Postal spellings ("Tsinghua", "Chungking") follow no table: they and pinyin are
// reduced to one coarse key that forgets aspiration and the two systems' letters for
// the same sound, a guess (token-similarity.ts, chineseAgreement).
const chineseKeyRules: ReadonlyArray<[RegExp, string]> = [
	[/hw/g, 'hu'],
	[/ung/g, 'ong'],
	[/ieh/g, 'ie'],
	[/ien/g, 'ian'],
	[/ih(?=$|[^aeiou])/g, 'i'],
	[/erh/g, 'er'],
	[/ssu|szu|sze|sz/g, 'si'],
	[/tzu|tze/g, 'zi'],
	[/hs|sh|x/g, 's'],
	[/tz|ts|zh|ch|[jqzc]/g, 'c'],
	[/p/g, 'b'],
	[/t/g, 'd'],
	[/k/g, 'g'],
];

/** The coarse key of a Chinese word in pinyin, Wade-Giles or postal spelling. */
export function chineseKey(token: string): string {
	let key = token;
	for (const [pattern, replacement] of chineseKeyRules) key = key.replace(pattern, replacement);
	return key;
}

/** Wade-Giles initials (longest first) and the pinyin initials each stands for. */
const initials: ReadonlyArray<readonly [string, readonly string[]]> = [
	['ch', ['zh', 'ch', 'j', 'q']],
	['hs', ['x']],
	['ts', ['z', 'c', 'j', 'q']],
	['tz', ['z', 'c']],
	['ss', ['s']],
	['sz', ['s']],
	['sh', ['sh']],
	['j', ['r']],
	['k', ['g', 'k']],
	['p', ['b', 'p']],
	['t', ['d', 't']],
	['b', ['b']],
	['d', ['d']],
	['g', ['g']],
	['f', ['f']],
	['h', ['h']],
	['l', ['l']],
	['m', ['m']],
	['n', ['n']],
	['s', ['s']],
	['w', ['w']],
	['y', ['y']],
	['', ['']],
];

/** Wade-Giles finals that pinyin writes otherwise (the rest are written alike). */
const finals: ReadonlyMap<string, readonly string[]> = new Map([
	['ung', ['ong']],
	['iung', ['iong']],
	['ieh', ['ie']],
	['ueh', ['ue']],
	['ien', ['ian']],
	['uan', ['uan', 'van']],
	['ih', ['i']],
	['erh', ['er']],
	// "Ko", "Ho": pinyin ge, he; after other initials o stays o.
	['o', ['o', 'e']],
	// WG "yu" is pinyin you (and yu, the ü lost with its dots).
	['u', ['u', 'i', 'ou']],
]);

const wadeGilesFinal =
	/^(?:iung|iang|uang|ieh|ueh|ien|ang|eng|ing|ung|ian|iao|uai|uan|erh|ai|ei|ao|ou|an|en|in|un|ia|iu|ua|uo|ui|ih|a|o|e|i|u)$/;

/** The pinyin syllables one Wade-Giles syllable stands for; empty when it is none. */
function syllableReadings(syllable: string): readonly string[] {
	const readings = new Set<string>();
	for (const [initial, pinyinInitials] of initials) {
		if (!syllable.startsWith(initial)) continue;
		const final = syllable.slice(initial.length);
		if (!wadeGilesFinal.test(final)) continue;
		let pinyinFinals = finals.get(final) ?? [final];
		// "tzu", "ssu", "szu" are pinyin zi, ci, si; a u after other initials is u (or you after y).
		if (final === 'u') pinyinFinals = /^(?:tz|ts|ss|sz)$/.test(initial) ? ['i'] : initial === 'y' ? ['ou', 'u'] : ['u'];
		for (const pinyinInitial of pinyinInitials)
			for (const pinyinFinal of pinyinFinals) {
				const reading = pinyinInitial + pinyinFinal;
				if (isPinyinSyllable(reading)) readings.add(reading);
			}
	}
	return [...readings];
}

/** Readings of a word at most: a word that could stand for more says too little to pair on. */
const maxReadings = 64;

/**
 * The pinyin words a word written in Wade-Giles stands for, syllable by syllable;
 * empty for a word that may be pinyin itself, that is no Wade-Giles, or that has
 * more readings than maxReadings.
 */
export const wadeGilesReadings: (word: string) => readonly string[] = boundedMemo((word: string): readonly string[] => {
	if (word.length < 2 || !/^[a-z]+$/.test(word) || isPinyinWord(word)) return [];
	// Every reading of the word's first `at` letters.
	const prefixes: Array<Set<string> | undefined> = [new Set([''])];
	for (let at = 0; at < word.length; at++) {
		const before = prefixes[at];
		if (!before) continue;
		for (let length = 1; length <= longestPinyinSyllable && at + length <= word.length; length++) {
			const readings = syllableReadings(word.slice(at, at + length));
			if (readings.length === 0) continue;
			const after = (prefixes[at + length] ??= new Set());
			for (const prefix of before) for (const reading of readings) after.add(prefix + reading);
			if (after.size > maxReadings) return [];
		}
	}
	return [...(prefixes[word.length] ?? [])];
});

/**
 * `a` and `b` are one word, one written in Wade-Giles and the other in pinyin. The
 * Wade-Giles word must have a spelling pinyin never uses and three letters or more:
 * "Ko" and "Ho" alone say too little.
 */
export function wadeGilesAgreement(a: string, b: string): boolean {
	const readsAs = (wadeGiles: string, pinyin: string) =>
		wadeGiles.length >= 3 && hasWadeGilesSpelling(wadeGiles) && wadeGilesReadings(wadeGiles).includes(pinyin);
	return readsAs(a, b) || readsAs(b, a);
}
