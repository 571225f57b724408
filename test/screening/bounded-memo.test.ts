// The key functions' memory: a word's key is computed once, and the map never grows past its bound.
import {expect, test, vi} from 'vitest';
import {boundedMemo, rememberIn, uncached} from '../../source/screening/bounded-memo.js';

test('computes a word once while it is kept, and again once the full map was emptied', () => {
	const compute = vi.fn((word: string) => word.toUpperCase());
	const upper = boundedMemo(compute, 2);
	expect([upper('a'), upper('a'), upper('b'), upper('b')]).toEqual(['A', 'A', 'B', 'B']);
	expect(compute).toHaveBeenCalledTimes(2);
	upper('c'); // the map held 2 words: emptied, then c kept
	upper('a');
	expect(compute).toHaveBeenCalledTimes(4);
	upper('c');
	expect(compute).toHaveBeenCalledTimes(4);
});

test('inside uncached, words are computed afresh and what was kept stays as it was', () => {
	const compute = vi.fn((word: string) => word.toUpperCase());
	const upper = boundedMemo(compute, 2);
	upper('a');
	expect(uncached(() => [upper('b'), upper('c'), upper('a')])).toEqual(['B', 'C', 'A']);
	expect(compute).toHaveBeenCalledTimes(4);
	// Neither b nor c took a's place: a is still known, b is computed again.
	upper('a');
	expect(compute).toHaveBeenCalledTimes(4);
	upper('b');
	expect(compute).toHaveBeenCalledTimes(5);
});

test('uncached ends with its work, even when the work throws', () => {
	const compute = vi.fn((word: string) => word.length);
	const length = boundedMemo(compute);
	expect(() =>
		uncached(() => {
			throw new Error('stop');
		}),
	).toThrow('stop');
	length('word');
	length('word');
	expect(compute).toHaveBeenCalledTimes(1);
});

test("rememberIn keeps each key's value in the given map, false answers too, and empties the map at its limit", () => {
	const known = new Map<string, boolean>();
	const ask = vi.fn((word: string) => word.startsWith('k'));
	const answer = (word: string) => rememberIn(known, word, 2, () => ask(word));
	expect([answer('kept'), answer('kept'), answer('lost'), answer('lost')]).toEqual([true, true, false, false]);
	expect(ask).toHaveBeenCalledTimes(2);
	expect(answer('third')).toBe(false); // the map held 2 keys: emptied, then this one kept
	expect([...known.keys()]).toEqual(['third']);
	answer('kept');
	expect(ask).toHaveBeenCalledTimes(4);
});
