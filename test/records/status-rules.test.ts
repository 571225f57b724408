import {describe, expect, it} from 'vitest';
import {statusLabel, statusOn, type DatedFact} from '../../source/records/index.js';

const suspended: DatedFact = {
	announced: '2025-09-29',
	milestones: [{date: '2025-09-29', what: 'effective'}],
	suspensions: [{from: '2025-11-10', until: '2026-11-09', what: 'one-year suspension', source: null}],
	endDate: null,
	statusNote: 'unknown',
};

describe('status by date with suspensions and unknown', () => {
	it.each([
		['2025-09-28', 'upcoming'],
		['2025-09-29', 'active'],
		['2025-11-09', 'active'],
		['2025-11-10', 'suspended until 2026-11-09'],
		['2026-11-09', 'suspended until 2026-11-09'],
		['2026-11-10', 'unknown after 2026-11-09'],
		['2031-03-15', 'unknown after 2026-11-09'],
	])('on %s it is %s', (asOf, label) => {
		expect(statusLabel(statusOn(suspended, asOf))).toBe(label);
	});

	it('is active after a suspension ends when the publisher does not call the status unknown', () => {
		expect(statusOn({...suspended, statusNote: 'active'}, '2026-11-10').status).toBe('active');
	});

	it('keeps a proposal proposed, and an ended fact ended', () => {
		expect(statusOn({...suspended, suspensions: [], statusNote: 'proposed'}, '2026-01-01').status).toBe('proposed');
		expect(statusOn({...suspended, endDate: '2026-01-01'}, '2026-06-01').status).toBe('ended');
	});

	it('names the suspension in force and the last day the sources cover', () => {
		expect(statusOn(suspended, '2026-01-01').suspension?.until).toBe('2026-11-09');
		expect(statusOn(suspended, '2026-12-06').knownUntil).toBe('2026-11-09');
		expect(statusOn(suspended, '2025-10-01')).toMatchObject({suspension: null, knownUntil: null});
	});
});
