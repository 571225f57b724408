import {describe, expect, test} from 'vitest';
import {TokenBits} from '../../source/screening/token-bits.js';

describe('token bits', () => {
	test('keeps each token its own bits, through collisions and a table grown past its first size', () => {
		const bits = new TokenBits();
		bits.reset(1_000);
		// Ids a multiple of a large power of two apart share their low bits: they collide in any small table.
		const ids = Array.from({length: 1_000}, (_unused, at) => at * 65_536 + (at % 3));
		ids.forEach((id, at) => bits.add(id, 1 << (at % 31)));
		bits.add(ids[5]!, 1 << 30);
		expect(ids.map(id => bits.get(id))).toEqual(ids.map((_id, at) => (1 << (at % 31)) | (at === 5 ? 1 << 30 : 0)));
		expect(bits.get(7)).toBe(0);
	});

	test('forgets every token on reset', () => {
		const bits = new TokenBits();
		bits.reset(2);
		bits.add(42, 3);
		bits.reset(2);
		expect(bits.get(42)).toBe(0);
		bits.add(42, 4);
		expect(bits.get(42)).toBe(4);
	});
});
