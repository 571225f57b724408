import {expect, test} from 'vitest';
import {shareStrings, sharedString} from '../../source/screening/shared-arrays.js';

test('shared strings come back exactly, lone surrogates and long names included', () => {
	const strings = ['Rosoboronexport', '', 'Ob\uD800schestvo', '\uDC00', '北京', 'x'.repeat(10_000), '😀 smile'];
	const shared = shareStrings(strings, strings.length);
	expect(shared.units.buffer).toBeInstanceOf(SharedArrayBuffer);
	expect(strings.map((_text, at) => sharedString(shared, at))).toEqual(strings);
});
