import {describe, expect, it} from 'vitest';
import {
	addDays,
	dayStartMs,
	daysBetween,
	isRealDay,
	isRealPartialDate,
	parseDay,
	today,
	todayVariable,
	todayVariableProblem,
} from '../../source/dates/index.js';

describe('calendar days', () => {
	it('accepts real days and deliberately partial dates, and nothing else', () => {
		expect(isRealPartialDate('2024-02-29')).toBe(true);
		expect(isRealPartialDate('2024-01')).toBe(true);
		expect(isRealPartialDate('2024')).toBe(true);
		expect(isRealPartialDate('2023-02-29')).toBe(false);
		expect(isRealPartialDate('2024-13')).toBe(false);
		expect(isRealPartialDate('2024-00-10')).toBe(false);
		expect(isRealPartialDate('29/02/2024')).toBe(false);
	});

	it('requires a full day where a day is asked for', () => {
		expect(isRealDay('2024-09-29')).toBe(true);
		expect(isRealDay('2024-09')).toBe(false);
		expect(isRealDay('2024-02-30')).toBe(false);
		expect(parseDay('2024-02-30')).toBeNull();
		expect(parseDay(' 2024-09-29')).toBeNull();
		expect(dayStartMs('2024-02-30')).toBeNull();
		expect(dayStartMs('1970-01-02')).toBe(86_400_000);
	});

	it('counts and moves days across month, year and leap-day boundaries', () => {
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
		expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
		expect(daysBetween('2024-07-20', '2024-09-29')).toBe(71);
		expect(daysBetween('2024-09-29', '2024-07-20')).toBe(-71);
	});
});

describe('today', () => {
	const clock = () => new Date('2031-03-15T23:59:59Z');

	it('is the UTC day of the clock when nothing pins it', () => {
		expect(today({}, clock)).toBe('2031-03-15');
	});

	it(`is ${todayVariable} when that holds a real day`, () => {
		expect(today({[todayVariable]: '2024-09-29'}, clock)).toBe('2024-09-29');
		expect(todayVariableProblem({[todayVariable]: '2024-09-29'})).toBeNull();
	});

	it('names the variable and the fix when it holds something else', () => {
		expect(todayVariableProblem({[todayVariable]: 'tomorrow'})).toMatch(
			/^VENDOR_RISK_TODAY is "tomorrow", not a date; set it to YYYY-MM-DD/,
		);
		expect(todayVariableProblem({[todayVariable]: '2024-02-30'})).not.toBeNull();
		expect(today({[todayVariable]: 'tomorrow'}, clock)).toBe('2031-03-15');
	});
});
