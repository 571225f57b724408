import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {composeStatus} from '../../source/ui/status-line.js';

describe('the status bar line', () => {
	const left = ' List entries · 349/349 shown · filter: hikvision · sort: Name▲';
	const right = ['queue 25', '1 source stale', 'as of 2026-12-06', 'data 2026-11-28'];

	it('shows everything when it fits', () => {
		const line = composeStatus(left, right, 200);
		expect(line).toContain(left);
		expect(line.trimEnd().endsWith('data 2026-11-28')).toBe(true);
		expect(stringWidth(line)).toBe(200);
	});

	it('drops the least important right-hand items before cutting the left', () => {
		const line = composeStatus(left, right, 100);
		expect(line).toContain(left);
		expect(line).toContain('queue 25');
		expect(line).not.toContain('data 2026-11-28');
		expect(stringWidth(line)).toBe(100);
	});

	it('cuts the left only when even the queue count does not fit beside it', () => {
		const line = composeStatus(left, right, 40);
		expect(line.startsWith(' List entries · 349/349')).toBe(true);
		expect(line).not.toContain('queue');
		expect(stringWidth(line)).toBe(40);
	});
});
