// The status line's words about the decision log, from a store's status.
import {describe, expect, it} from 'vitest';
import {storeStatusLine} from '../../source/app-context/live-log.js';
import type {StoreStatus} from '../../source/decisions/index.js';

const shared: StoreStatus = {
	kind: 'postgres',
	connection: 'online',
	location: 'postgres://db.example.org/team',
	entries: 1204,
	outbox: 0,
	lastSyncAt: '2026-12-06T14:02:31.000Z',
	problem: null,
};

describe('the status line for the decision log', () => {
	it('says nothing about a healthy local log', () => {
		expect(storeStatusLine({...shared, kind: 'local', location: '/home/ada/.local/share/vendor-risk'})).toBeNull();
	});

	it('says a shared log is online, with its size and any unsent entries', () => {
		expect(storeStatusLine(shared)).toBe('shared log online · 1204 entries');
		expect(storeStatusLine({...shared, outbox: 2})).toBe('shared log online · 1204 entries · 2 entries unsent: vendor-risk log push');
	});

	it('says when it is offline and working read-only from the copy, and since when', () => {
		expect(storeStatusLine({...shared, connection: 'offline', outbox: 1, problem: 'the shared store cannot be reached'})).toBe(
			"shared log OFFLINE: read-only from this machine's copy (1204 entries, synced 2026-12-06 14:02 UTC) · 1 entry unsent: vendor-risk log push",
		);
	});

	it("says a shared log opened from this machine's copy is still connecting, before it knows whether it is online", () => {
		expect(storeStatusLine({...shared, connection: 'connecting', lastSyncAt: null})).toBe(
			"shared log connecting… · this machine's copy (1204 entries)",
		);
	});
});
