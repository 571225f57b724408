import {describe, expect, it} from 'vitest';
import {fitText} from '../../source/tables/index.js';

describe('fitting text to a column', () => {
	it('pads short text to the width, on the left or the right', () => {
		expect(fitText('ZTE', 6)).toBe('ZTE   ');
		expect(fitText('42', 5, 'right')).toBe('   42');
	});
	it('cuts long text to exactly the width, ending in an ellipsis', () => {
		expect(fitText('Hikvision Digital', 8)).toBe('Hikvisi…');
		expect(fitText('Hikvision', 9)).toBe('Hikvision');
	});
	it('turns newlines and tabs into spaces', () => {
		expect(fitText('a\tb\nc', 6)).toBe('a b c ');
	});
	it('counts wide characters as two columns', () => {
		expect(fitText('华为技术有限公司', 7)).toBe('华为技…');
		expect(fitText('华为', 6)).toBe('华为  ');
	});
	it('measures text with accents by display columns', () => {
		expect(fitText('Лаборатория Касперского', 10)).toBe('Лаборатор…');
	});
});
