import {describe, expect, it} from 'vitest';
import {loadEmbeddedRecords} from '../../source/records/embedded.js';
import {parseDay as parseAsOf} from '../../source/dates/index.js';
import {restrictionStatusOn} from '../../source/records/status.js';
import type {Restriction} from '../../source/records/schema.js';

const icts = loadEmbeddedRecords().restrictions.find(item => item.id === 'kaspersky-icts-fd-2024')!;
const base: Restriction = {
	...icts,
	milestones: [
		{date: '2025-03-01', what: 'takes effect'},
		{date: '2025-06-01', what: 'phase two'},
	],
	endDate: null,
	statusNote: 'active',
	announced: '2025-01-15',
};

describe('restriction status by date', () => {
	it('is upcoming before its first milestone, with that milestone next', () => {
		const status = restrictionStatusOn(base, '2025-02-01');
		expect(status.status).toBe('upcoming');
		expect(status.milestone?.date).toBe('2025-03-01');
		expect(status.milestoneIsUpcoming).toBe(true);
	});

	it('is active from its first milestone, showing the next one', () => {
		const status = restrictionStatusOn(base, '2025-03-01');
		expect(status.status).toBe('active');
		expect(status.milestone?.what).toBe('phase two');
	});

	it('shows the most recent milestone once all have passed', () => {
		const status = restrictionStatusOn(base, '2026-01-01');
		expect(status.milestone?.date).toBe('2025-06-01');
		expect(status.milestoneIsUpcoming).toBe(false);
	});

	it('is ended on and after its end date', () => {
		expect(restrictionStatusOn({...base, endDate: '2025-05-01'}, '2025-05-01').status).toBe('ended');
		expect(restrictionStatusOn({...base, endDate: '2025-05-01'}, '2025-04-30').status).toBe('active');
	});

	it('is ended when the publisher says revoked even without a date', () => {
		expect(restrictionStatusOn({...base, statusNote: 'revoked'}, '2026-01-01').status).toBe('ended');
	});

	it('gives Kaspersky "updates prohibited" from 2024-09-29 as the next milestone in between', () => {
		const status = restrictionStatusOn(icts, '2024-08-01');
		expect(status.status).toBe('active');
		expect(status.milestone?.date).toBe('2024-09-29');
		expect(restrictionStatusOn(icts, '2024-07-19').status).toBe('upcoming');
	});

	it('parses --as-of only as a real day', () => {
		expect(parseAsOf('2024-09-29')).toBe('2024-09-29');
		expect(parseAsOf('2024-02-30')).toBeNull();
		expect(parseAsOf('tomorrow')).toBeNull();
	});
});
