// The CSV field helpers: split lists read exactly as the general cleanList reads the
// same items, and interned lists are shared and frozen without changing any value.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {Interner, cleanList, splitField} from '../../../source/sources/parsers/entity-fields.js';

// Few characters, so items repeat (and lists pass 16 items) and blanks and controls are common.
const joinedField = fc.string({unit: fc.constantFrom('a', 'B', ';', ' ', '  ', '\t', '\u00A0', '\u001B', '\u202E', 'é'), maxLength: 120});

describe('splitField', () => {
	it('gives the items cleanList gives for the same split, in the same order', () => {
		fc.assert(
			fc.property(joinedField, value => {
				expect(splitField(value, ';')).toEqual(cleanList(value.split(';')));
				expect(splitField(value, /;\s+|;$/)).toEqual(cleanList(value.split(/;\s+|;$/)));
			}),
			{numRuns: 2000},
		);
	});

	it('keeps the first of each repeated item past the short-list scan', () => {
		const value = Array.from({length: 40}, (_, index) => `item ${index % 20}`).join(';');
		expect(splitField(value, ';')).toEqual(Array.from({length: 20}, (_, index) => `item ${index}`));
	});
});

describe('Interner.sameList', () => {
	it('hands out one frozen copy for equal lists, apart from other lists', () => {
		const interner = new Interner();
		const built = ['CN', 'RU'];
		const shared = interner.sameList(built);
		expect(shared).toEqual(['CN', 'RU']);
		expect(interner.sameList(['CN', 'RU'])).toBe(shared);
		expect(Object.isFrozen(shared)).toBe(true);
		built.push('IR');
		expect(shared).toEqual(['CN', 'RU']);
		expect(interner.sameList(['CN RU'])).toEqual(['CN RU']);
		expect(interner.sameList(['CN'])).toEqual(['CN']);
		expect(interner.sameList([])).toEqual([]);
	});
});

describe('Interner.list', () => {
	const split = (value: string | undefined) => splitField(value, ';');

	it('hands out one frozen list for each distinct raw text', () => {
		const interner = new Interner();
		const first = interner.list('RU;CN', split);
		expect(first).toEqual(['RU', 'CN']);
		expect(interner.list('RU;CN', split)).toBe(first);
		expect(Object.isFrozen(first)).toBe(true);
		expect(interner.list('RU', split)).toEqual(['RU']);
	});

	it('reads empty and missing fields as no items', () => {
		const interner = new Interner();
		expect(interner.list('', split)).toEqual([]);
		expect(interner.list(undefined, split)).toEqual([]);
		expect(interner.list(' ; ', split)).toEqual([]);
	});

	it('still reads every list right once it keeps no more of them', () => {
		const interner = new Interner();
		for (let index = 0; index < 60_000; index++) {
			const raw = `P${index};common`;
			const list = interner.list(raw, split);
			if (list[0] !== `P${index}` || list[1] !== 'common' || list.length !== 2)
				throw new Error(`wrong list for ${raw}: ${JSON.stringify(list)}`);
		}
		expect(interner.list('P59999;common', split)).toEqual(['P59999', 'common']);
	});
});
