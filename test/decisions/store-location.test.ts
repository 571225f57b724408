// Which store a run uses, and the one rule about its URL: no password, ever.
import {describe, expect, it} from 'vitest';
import {parseStoreLocation, storeLocationOf} from '../../source/decisions/index.js';

describe('the store location', () => {
	it('is the local log by default, by name, or when VENDOR_RISK_STORE says so over the setting', () => {
		expect(storeLocationOf({}, undefined)).toEqual({kind: 'local'});
		expect(parseStoreLocation(' local ', 'config store')).toEqual({kind: 'local'});
		expect(storeLocationOf({VENDOR_RISK_STORE: 'local'}, 'postgres://db.example.org/team')).toEqual({kind: 'local'});
		expect(storeLocationOf({}, 'postgres://db.example.org/team')).toMatchObject({
			kind: 'postgres',
			display: 'postgres://db.example.org/team',
		});
	});

	it('takes a PostgreSQL URL with a user, TLS parameters and a CA file', () => {
		const location = parseStoreLocation(
			'postgresql://ada@db.example.org:6432/vendor_risk?sslmode=verify-full&sslrootcert=/etc/ssl/team-ca.pem',
			'config store',
		);
		expect(location).toMatchObject({kind: 'postgres'});
		if (location.kind !== 'postgres') return;
		expect(location.url.searchParams.get('sslmode')).toBe('verify-full');
		expect(location.display).toBe('postgresql://ada@db.example.org:6432/vendor_risk?sslmode=verify-full&sslrootcert=/etc/ssl/team-ca.pem');
	});

	it.each([
		['postgres://ada:hunter2@db.example.org/team', /the URL carries a password/],
		['postgres://ada@db.example.org/team?password=hunter2', /the URL carries a password/],
		['postgres://db.example.org/team?sslmode=prefer', /sslmode "prefer" is not supported/],
		['postgres://db.example.org/team?options=-c%20role%3Dadmin', /unknown URL parameter "options"/],
		['mysql://db.example.org/team', /expected "local" or a PostgreSQL URL/],
	])('refuses %s as bad input, never echoing a password', (text, message) => {
		let error: unknown;
		try {
			parseStoreLocation(text, 'VENDOR_RISK_STORE');
		} catch (caught) {
			error = caught;
		}
		expect(error).toMatchObject({exitCode: 2, message: expect.stringMatching(message)});
		expect(String((error as Error).message)).not.toContain('hunter2');
	});
});
