// The key functions' memory: a word's key is computed once, and the map never grows past its bound.
import {expect, test, vi} from 'vitest';
import {boundedMemo} from '../../source/screening/bounded-memo.js';

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
