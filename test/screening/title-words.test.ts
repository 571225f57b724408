// Titles in other languages weigh as the English ones do: a word that says what a
// person is, not who. Made-up names.
import {expect, test} from 'vitest';
import {scoreNames} from '../../source/screening/index.js';
import {tokenWeight} from '../../source/screening/token-weights.js';

test.each([
	['koning', 'king'],
	['konig', 'king'],
	['kralj', 'king'],
	['roi', 'king'],
	['reine', 'queen'],
	['prinz', 'prince'],
	['principessa', 'princess'],
	['cheikh', 'sheikh'],
	['shaykh', 'sheikh'],
])('%s weighs as %s', (title, english) => {
	expect(tokenWeight(title)).toBe(tokenWeight(english));
	expect(tokenWeight(title)).toBeLessThan(tokenWeight('zelvanov'));
});

test("a person's name with a title in another language scores as with the English title", () => {
	const listed = 'Yusuf al-Zelvanov';
	const person = {kindA: 'person', kindB: 'person'} as const;
	for (const [title, english] of [
		['Cheikh', 'Sheikh'],
		['Prinz', 'Prince'],
		['Koning', 'King'],
	]) {
		const withTitle = scoreNames(`${title} Yusuf Zelvanov`, listed, person).score;
		expect(withTitle, title).toBeCloseTo(scoreNames(`${english} Yusuf Zelvanov`, listed, person).score, 6);
		// Without the weighting the title would count as a distinctive word missing from the listed name.
		expect(withTitle, title).toBeGreaterThan(scoreNames('Zorbek Yusuf Zelvanov', listed, person).score);
	}
});
