import {createHash} from 'node:crypto';
import {expect, test} from 'vitest';
import {sha256Hex} from '../../source/text/index.js';

test("sha256Hex is SHA-256 of the text's UTF-8, in hex", () => {
	// FIPS 180-2's example.
	expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	for (const text of ['', 'Лаборатория Касперского', '华为技术有限公司', 'a\u0000b', '🦀'])
		expect(sha256Hex(text), text).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
});
