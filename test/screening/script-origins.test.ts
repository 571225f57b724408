// A romanised word carries the script it came from, and is compared as that script
// writes names: an abjad's vowelless spelling against the Latin one. Made-up names throughout.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, matchName, normalizeName, scoreNames} from '../../source/screening/index.js';
import {
	abjadClosesWithConsonant,
	abjadOpensWithConsonant,
	abjadOrigin,
	cyrillicOrigin,
	hangulOrigin,
	kanaOrigin,
	latinOrigin,
} from '../../source/screening/scripts.js';
import {foldedSimilarity, looseSimilarity, strongLooseSimilarity, tokenSimilarity} from '../../source/screening/token-similarity.js';
import {makeEntity} from './fixtures.js';

test('each romanised word records its script of origin, a Latin word none', () => {
	const name = normalizeName('Zelvani زحبر ザフラニ 잘반 Брост');
	const origins = Object.fromEntries(name.tokens.map((token, at) => [token, name.loose[at]]));
	expect(origins).toEqual({
		zelvani: latinOrigin,
		// زحبر opens and closes with a consonant (abjad-openings.test.ts, abjad-closings.test.ts).
		zhbr: abjadOrigin | abjadOpensWithConsonant | abjadClosesWithConsonant,
		zafurani: kanaOrigin,
		jal: hangulOrigin,
		ban: hangulOrigin,
		brost: cyrillicOrigin,
	});
});

test('an abjad word meets a Latin spelling whose letters it writes in order, "sh" as s and h', () => {
	// سحبور: "shbwr"; read as a digraph, "sh" would be one letter (ش) that "Sahbour" does not have.
	expect(tokenSimilarity('shbwr', 'sahbour', abjadOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	expect(tokenSimilarity('shbwr', 'sahbour', cyrillicOrigin, latinOrigin)).toBeLessThan(looseSimilarity);
	expect(tokenSimilarity('shbwr', 'samour', abjadOrigin, latinOrigin)).toBe(0);
});

test('the long vowels an abjad writes (و, ي) stand for the Latin vowels', () => {
	// فواوي: "fwwy", one consonant and its long vowels, as "Fuawei" spells them: with two long vowels written, strong.
	expect(tokenSimilarity('fwwy', 'fuawei', abjadOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	expect(tokenSimilarity('fwwy', 'fuawei', cyrillicOrigin, latinOrigin)).toBe(0);
	// Vowels may go unwritten, consonants may not: "Fuwaidi" has a d that فواوي does not.
	expect(tokenSimilarity('fwwy', 'fuwaidi', abjadOrigin, latinOrigin)).toBe(0);
});

test('a Latin g may write ق as the Gulf says it, th may write ذ, and a name particle meets its abjad spelling', () => {
	// زقلون: "zqlwn", "Zagloun".
	expect(tokenSimilarity('zqlwn', 'zagloun', abjadOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	// زذام: "zdhm", which English spellings write "Zatham".
	expect(tokenSimilarity('zdhm', 'zatham', abjadOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	// أبو: "bw", one consonant, is the particle "Abu".
	expect(tokenSimilarity('bw', 'abu', abjadOrigin, latinOrigin)).toBe(looseSimilarity);
	expect(tokenSimilarity('bw', 'abu', cyrillicOrigin, latinOrigin)).toBe(0);
});

test('a person written in an abjad is found from the Latin spelling, and the reverse', () => {
	expect(scoreNames('سحبور طه', 'Sahbour Taha', {kindA: 'person', kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
	const index = buildIndex([
		makeEntity({id: 'abjad', name: 'سحبور طه', type: 'person'}),
		makeEntity({id: 'latin', name: 'Sahbour Taha', type: 'person'}),
	]);
	expect(matchName(index, 'Sahbour Taha').map(match => match.entity.id)).toContain('abjad');
	expect(matchName(index, 'سحبور طه').map(match => match.entity.id)).toContain('latin');
});

test('a Hangul word with the vowel Hangul adds to a lone consonant (ㅡ) is a foreign name, kept one word', () => {
	expect(normalizeName('젤바스키').tokens).toEqual(['jelbaseuki']);
	// No such syllable: a Korean name, its syllables apart as Latin spells them.
	expect(normalizeName('단무길').tokens).toEqual(['dan', 'mu', 'gil']);
});

test('a kana or Hangul transcription meets the Latin name with l as r, v as b, f as h or p, and its vowels added', () => {
	// ヴェルダスコ: "verudasuko"; 젤바스키: "jelbaseuki"; 파르데니: "pareudeni".
	expect(tokenSimilarity('berudasuko', 'veldasco', kanaOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	expect(tokenSimilarity('jelbaseuki', 'zelbasky', hangulOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	expect(tokenSimilarity('pareudeni', 'fardeni', hangulOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	// Neither writes kh: ハリダン is "Khalidan", vowels and all, so as a fold.
	expect(tokenSimilarity('haridan', 'khalidan', kanaOrigin, latinOrigin)).toBe(foldedSimilarity);
	// The same letters from another script are not read so.
	expect(tokenSimilarity('berudasuko', 'veldasco', cyrillicOrigin, latinOrigin)).toBeLessThan(looseSimilarity);
	// Nor a word that opens with a vowel against one that does not.
	expect(tokenSimilarity('ikaruto', 'kalto', kanaOrigin, latinOrigin)).toBe(0);
});

test('transcribed foreign names are found from their Latin spelling', () => {
	expect(scoreNames('ヴェルダスコ', 'Veldasco').score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('젤바스키', 'Zelbasky').score).toBeGreaterThanOrEqual(defaultThreshold);
	const index = buildIndex([makeEntity({id: 'kana', name: 'ヴェルダスコ'}), makeEntity({id: 'hangul', name: '젤바스키'})]);
	expect(matchName(index, 'Veldasco')[0]?.entity.id).toBe('kana');
	expect(matchName(index, 'Zelbasky')[0]?.entity.id).toBe('hangul');
});

test('a word from Cyrillic meets a Latin spelling with Ukrainian h for г', () => {
	// Гулман: "gulman", in Ukrainian "Hulman".
	expect(normalizeName('Гулман').tokens).toEqual(['gulman']);
	expect(tokenSimilarity('gulman', 'hulman', cyrillicOrigin, latinOrigin)).toBe(foldedSimilarity);
	expect(tokenSimilarity('gulman', 'hulman', latinOrigin, latinOrigin)).toBeLessThan(looseSimilarity);
	const index = buildIndex([makeEntity({id: 'cyrillic', name: 'Гулман Зоревич', type: 'person'})]);
	expect(matchName(index, 'Hulman Zorevych')[0]?.entity.id).toBe('cyrillic');
});

test('Arabic and Hebrew vowel marks are left out: a vocalised name is the same words as the bare one', () => {
	expect(normalizeName('سَحْبُور طَهَ').tokens).toEqual(normalizeName('سحبور طه').tokens);
	expect(normalizeName('זֶלְבָּן').tokens).toEqual(normalizeName('זלבן').tokens);
});

test('two like letters in an abjad word may be two consonants', () => {
	// ززا: "zz", "Zaza"; read only with like letters once, it would be one consonant.
	expect(tokenSimilarity('zz', 'zaza', abjadOrigin, latinOrigin)).toBe(looseSimilarity);
});

test('the other words of a name with one transcribed Hangul word are transcribed too, each kept one word', () => {
	// 나지르 has the open ㅡ syllable 르; 압둘 has none of its own, but a name is all Korean or all transcribed.
	expect(normalizeName('압둘 나지르').tokens).toEqual(['apdul', 'najireu']);
	expect(scoreNames('압둘 나지르', 'Abdul Nazir', {kindA: 'person', kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
	// Korean words beside no transcribed one keep their syllables apart.
	expect(normalizeName('단무길 압둘').tokens).toEqual(['dan', 'mu', 'gil', 'ap', 'dul']);
});

test('a vowelless word from a script that writes its vowels is an acronym: its consonants in a Latin word are not it', () => {
	// ВТБ "vtb": "Bothive" has its consonants (b, t, v alike), as "hms" from חמאס has Hamas's.
	expect(tokenSimilarity('vtb', 'bothive', cyrillicOrigin, latinOrigin)).toBeLessThan(strongLooseSimilarity);
	expect(scoreNames('Bothive', 'ВТБ').score).toBeLessThan(defaultThreshold);
	expect(tokenSimilarity('hms', 'hamas', abjadOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	// Two acronyms still meet.
	expect(tokenSimilarity('vtb', 'vtb', cyrillicOrigin, latinOrigin)).toBe(1);
});

test('an abjad word longer than a Latin one writes letters the Latin lacks', () => {
	// كريم "krym" writes Karim's long i; the acronym "CRM" sounds alike but has no i.
	expect(tokenSimilarity('krym', 'crm', abjadOrigin, latinOrigin)).toBeLessThan(strongLooseSimilarity);
	expect(tokenSimilarity('krym', 'karim', abjadOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	expect(tokenSimilarity('mhmd', 'muhammad', abjadOrigin, latinOrigin)).toBe(strongLooseSimilarity);
	// Against two Latin letters it is no evidence at all: غازى "ghza" (Ghazi) and the "kz" of Kaspi.kz, a real NASDAQ
	// name, sound alike (KS), which met the listed غازى القصيبى. A longer Latin word may be the name with letters left
	// out: "Dadu", a spelling of Dahdouh (دحدوح, "dhdwh") in OpenSanctions' data.
	expect(tokenSimilarity('ghza', 'kz', abjadOrigin, latinOrigin)).toBe(0);
	expect(tokenSimilarity('dhdwh', 'dadu', abjadOrigin, latinOrigin)).toBeGreaterThan(0);
	expect(scoreNames('Joint Stock Company Kaspi.kz', 'غازى القصيبى').score).toBeLessThan(defaultThreshold);
	expect(scoreNames('Ghazi Al Gosaibi', 'غازى القصيبى').score).toBeGreaterThanOrEqual(defaultThreshold);
});

test('a Cyrillic word meets a Latin spelling that opens on its vowel; a Cyrillic acronym only itself', () => {
	// Real Nasdaq and NYSE names met СБЕР and ВТБ by sound: "Sabre", "SOBR Safe", "vTv Therapeutics".
	for (const latin of ['sabre', 'sobr']) expect(tokenSimilarity('sber', latin, cyrillicOrigin, latinOrigin), latin).toBe(0);
	expect(tokenSimilarity('vtb', 'vtv', cyrillicOrigin, latinOrigin)).toBe(0);
	expect(scoreNames('Sabre Corporation', 'СБЕР БАНК').score).toBeLessThan(defaultThreshold);
	expect(scoreNames('vTv Therapeutics', 'БАНК ВТБ').score).toBeLessThan(defaultThreshold);
	// я, е, ю, ы romanised with a y, and и as i or y, open on the same vowel as the Latin spelling.
	expect(tokenSimilarity('kasperskii', 'kaspersky', cyrillicOrigin, latinOrigin)).toBeGreaterThanOrEqual(looseSimilarity);
	expect(scoreNames('Касперский', 'Kaspersky').score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('Евгений Касперский', 'Yevgeny Kaspersky', {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
});
