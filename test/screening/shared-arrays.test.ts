import {expect, test} from 'vitest';
import {shareStrings, sharedString} from '../../source/screening/shared-arrays.js';

test('shared strings come back exactly, lone surrogates and long names included', () => {
	const strings = ['Rosoboronexport', '', 'Ob\uD800schestvo', '\uDC00', '北京', 'x'.repeat(10_000), '😀 smile'];
	const shared = shareStrings(strings, strings.length);
	expect(shared.units.buffer).toBeInstanceOf(SharedArrayBuffer);
	expect(strings.map((_text, at) => sharedString(shared, at))).toEqual(strings);
});

test('strings that all fit in Latin-1 take one byte a unit and come back exactly', () => {
	const strings = ['Société Générale', '', 'Ærø Ñandú', 'x'.repeat(10_000), 'ÿ\u0000\u0080'];
	const shared = shareStrings(strings, strings.length);
	expect(shared.units).toBeInstanceOf(Uint8Array);
	expect(shared.units.buffer).toBeInstanceOf(SharedArrayBuffer);
	expect(strings.map((_text, at) => sharedString(shared, at))).toEqual(strings);
	// One string beyond Latin-1 (Ā is U+0100) keeps them all in two bytes a unit.
	const wider = shareStrings([...strings, 'Ā'], strings.length + 1);
	expect(wider.units).toBeInstanceOf(Uint16Array);
	expect([...strings, 'Ā'].map((_text, at) => sharedString(wider, at))).toEqual([...strings, 'Ā']);
});
