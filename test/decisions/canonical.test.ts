// Canonical JSON: every fingerprint and every link of the hash chain is computed
// over it, so equal data must give equal bytes and different data different bytes.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {canonicalJson} from '../../source/decisions/canonical.js';
import {sha256Hex} from '../../source/text/index.js';

/** The same value with every object's keys in reverse insertion order. */
function reordered(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(reordered);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value)
			.reverse()
			.map(([key, item]) => [key, reordered(item)]),
	);
}

describe('canonical JSON', () => {
	it('sorts keys at every depth and writes no whitespace', () => {
		expect(canonicalJson({b: 1, a: {d: [{z: 1, y: 'é'}], c: null}})).toBe('{"a":{"c":null,"d":[{"y":"é","z":1}]},"b":1}');
	});

	it('gives the same text whatever order the keys were written in', () => {
		fc.assert(fc.property(fc.jsonValue(), value => canonicalJson(reordered(value)) === canonicalJson(value)));
	});

	it('reads back as the same value', () => {
		fc.assert(
			fc.property(fc.jsonValue(), value => {
				expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
			}),
		);
	});

	it('tells different values apart, including strings that differ only in escaping or type', () => {
		const texts = [{a: '1'}, {a: 1}, {a: '1 '}, {a: 'x"y'}, {a: 'x\\"y'}, {'a ': 1}, [1, 2], [2, 1], {a: [null]}, {a: []}].map(
			canonicalJson,
		);
		expect(new Set(texts).size).toBe(texts.length);
	});

	it('drops undefined members as JSON.stringify does, and writes undefined array items as null', () => {
		expect(canonicalJson({a: undefined, b: [undefined, 1]})).toBe('{"b":[null,1]}');
	});

	it('refuses values JSON has no form for, instead of hashing something else', () => {
		for (const value of [Number.NaN, Number.POSITIVE_INFINITY, {a: Number.NEGATIVE_INFINITY}, () => 1, {a: 10n}])
			expect(() => canonicalJson(value)).toThrow(TypeError);
	});

	it('hashes the UTF-8 bytes of the text as SHA-256 in lower-case hex', () => {
		expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256Hex('é')).not.toBe(sha256Hex('e\u0301'));
		expect(sha256Hex(canonicalJson({b: 1, a: 2}))).toBe(sha256Hex('{"a":2,"b":1}'));
	});
});
