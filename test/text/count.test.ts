import {expect, test} from 'vitest';
import {countOf} from '../../source/text/count.js';

test('a count takes the singular for one and the plural otherwise', () => {
	expect(countOf(1, 'entry', 'entries')).toBe('1 entry');
	expect(countOf(0, 'entry', 'entries')).toBe('0 entries');
	expect(countOf(3, 'source')).toBe('3 sources');
});
