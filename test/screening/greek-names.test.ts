// Greek as Latin spellings of Greek names write it (ου ou, ευ ev, γγ ng), and foreign names as Greek
// spells them with its digraphs (μπ, ντ, γκ for b, d, g; ου and γου for w), read back. The names are
// the usual Greek spellings of well-known names; the entries are made up.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, normalizeName, scoreNames} from '../../source/screening/index.js';
import {greekNameReading} from '../../source/screening/greek-romanisation.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

const normalized = (name: string) => normalizeName(name).normalized;

test('Greek names romanise as their Latin spellings write them', () => {
	expect(normalized('Κωνσταντίνος Παπαδόπουλος')).toBe('konstandinos papadopoulos');
	expect(normalized('ΕΥΑΓΓΕΛΟΣ ΑΥΓΟΥΣΤΙΝΟΣ')).toBe('evangelos avgoustinos');
	// A word's first μπ, ντ, γκ is b, d, g.
	expect(normalized('Μπαράκ Ντόναλντ Γκαζπρόμ')).toBe('barak donalnd gazprom');
	// The diaeresis parts two vowels: no digraph.
	expect(normalized('Χαμενεΐ')).toBe('hamenei');
	// Greek legal forms, in the romanisation above ("ευθύνης" is "efthynis").
	expect(normalized('Εταιρία περιορισμένης ευθύνης “Inter Tobacco”')).toBe('inter tobacco');
	expect(normalized('Ιδιωτική Κεφαλαιουχική Εταιρεία Inter Tobacco')).toBe('inter tobacco');
});

test.each([
	['Barack Obama', 'Μπαράκ Ομπάμα'],
	['Vladimir Putin', 'Βλαντιμίρ Πούτιν'],
	['Recep Tayyip Erdogan', 'Ρετζέπ Ταγίπ Ερντογάν'],
	['Bashar al-Assad', 'Μπασάρ αλ Άσαντ'],
	['Kim Jong Un', 'Κιμ Γιονγκ Ουν'],
])('%s is %s', (latin, greek) => {
	expect(scoreNames(latin, greek, {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames(greek, latin, {kindB: 'person'}).score).toBeGreaterThanOrEqual(defaultThreshold);
});

test('brands written with Greek digraphs meet their Latin names', () => {
	expect(scoreNames('Χουαγουέι', 'Huawei').score).toBeGreaterThanOrEqual(defaultThreshold);
	expect(scoreNames('Σμπερμπάνκ', 'Sberbank').score).toBeGreaterThanOrEqual(defaultThreshold);
});

test('the reading changes only the digraphs of a foreign name, and other names stay other names', () => {
	expect(greekNameReading('ombama')).toBe('obama');
	expect(greekNameReading('houagouei')).toBe('huawei');
	expect(greekNameReading('tramb')).toBe('trab');
	expect(greekNameReading('kim')).toBeNull();
	expect(scoreNames('Μπαράκ Ομπάμα', 'Barak Omar', {kindB: 'person'}).score).toBeLessThan(defaultThreshold);
	expect(scoreNames('Βλαντιμίρ Πούτιν', 'Vladimir Pavlov', {kindB: 'person'}).score).toBeLessThan(defaultThreshold);
});

test('the candidate index finds the Greek spelling from the Latin one, and the reverse', () => {
	const index = buildIndex([
		makeEntity({id: 'obama', name: 'OBAMA, Barack', type: 'person'}),
		makeEntity({id: 'erdogan', name: 'Ρετζέπ Ταγίπ Ερντογάν', type: 'person'}),
		makeEntity({id: 'huawei', name: 'Huawei Technologies'}),
		makeEntity({id: 'sberbank', name: 'Σμπερμπάνκ'}),
	]);
	expectIndexAgrees(index, 'Μπαράκ Ομπάμα', 'obama');
	expectIndexAgrees(index, 'Recep Tayyip Erdogan', 'erdogan');
	expectIndexAgrees(index, 'Χουαγουέι Τεχνολότζις', 'huawei');
	expectIndexAgrees(index, 'Sberbank', 'sberbank');
});
