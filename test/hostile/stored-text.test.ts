// What the decision log stores from a reviewer is inert (issue 21 §3): a disposition's
// reason, a revocation's note and the reviewer's name, as the TUI writes them.
import {afterEach, beforeEach, expect, it} from 'vitest';
import {openDecisionLog, recordDecision, recordDisposition, revokeLast} from '../../source/decisions/index.js';
import {temporaryHome} from '../helpers.js';
import {expectInert} from './hardening.js';

const hostile = 'x\u001B]52;c;ZXZpbA==\u0007\u009B31m\u202Ey\u200Bz\u00AD';
let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
	home = temporaryHome();
});
afterEach(() => home.remove());

it('dispositions, revocations and decisions keep reasons and reviewer names inert, with nothing hidden', async () => {
	const env = {VENDOR_RISK_HOME: home.path, VENDOR_RISK_TODAY: '2026-12-06'};
	const log = openDecisionLog({env});
	const reviewer = `Mallory ${hostile}`;
	await recordDecision(
		log,
		{vendorId: 'acme', outcome: 'reject', reason: 'sanctioned-entity', rationale: hostile, vendorFingerprint: 'f'.repeat(64), sources: []},
		{reviewer, env, today: '2026-12-06', reviewDays: {}},
	);
	await revokeLast(log, 'acme', {reviewer, env, rationale: hostile});
	await recordDisposition(
		log,
		{
			vendorId: 'acme',
			disposition: 'false-positive',
			rationale: hostile,
			hit: {vendorFingerprint: 'f'.repeat(64), entryId: 'e-1', entryContentHash: 'c'.repeat(64)},
		},
		{reviewer, env},
	);
	const entries = log.entries();
	expect(entries).toHaveLength(3);
	for (const entry of entries) {
		expectInert(entry.reviewer, 'reviewer');
		expectInert(entry.rationale ?? '', 'rationale');
		expect(entry.rationale).toContain('y\u27E8U+200B\u27E9z');
	}
});
