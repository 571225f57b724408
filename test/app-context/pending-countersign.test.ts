// Whether a vendor's decision waits for a second reviewer, and whether the reviewer
// running the TUI may sign it off: what its countersign key offers or refuses.
import {describe, expect, it} from 'vitest';
import {pendingCountersign} from '../../source/app-context/decisions.js';
import type {DecisionContext} from '../../source/decisions/index.js';
import {chainOf, decisionDraft, fingerprintA, fingerprintB} from '../decisions/helpers.js';

const contextWith = (fingerprint: string): DecisionContext => ({
	vendorExists: id => id === 'kaspersky',
	fingerprintOf: () => fingerprint,
	sourceVersions: () => [],
});
const pending = decisionDraft({reviewer: 'Ada Lovelace', signoff: 'pending'});

describe('a pending countersign', () => {
	it('names the decision and lets a different reviewer sign it off', () => {
		const entries = chainOf([pending]);
		expect(pendingCountersign(entries, 'kaspersky', contextWith(fingerprintA), 'Bo Diddley')).toEqual({
			entryId: entries[0]!.id,
			seq: 1,
			outcome: 'reject',
			decidedBy: 'Ada Lovelace',
			problem: null,
		});
	});

	it('refuses the decision’s own reviewer, however the name is spelt, and a record that changed since', () => {
		const entries = chainOf([pending]);
		expect(pendingCountersign(entries, 'kaspersky', contextWith(fingerprintA), ' ada  LOVELACE')?.problem).toMatch(
			/made decision #1; a countersign must come from a different reviewer/,
		);
		expect(pendingCountersign(entries, 'kaspersky', contextWith(fingerprintB), 'Bo Diddley')?.problem).toMatch(
			/changed since decision #1, which cleared it/,
		);
	});

	it('is none for a decision that stands at once, one already countersigned, or a vendor without decisions', () => {
		expect(pendingCountersign(chainOf([decisionDraft()]), 'kaspersky', contextWith(fingerprintA), 'Bo Diddley')).toBeNull();
		const signed = chainOf([
			pending,
			{
				kind: 'countersign',
				reviewer: 'Bo Diddley',
				vendorId: 'kaspersky',
				countersigns: 'entry-1',
				countersignsSeq: 1,
				vendorFingerprint: fingerprintA,
				rationale: null,
			},
		]);
		expect(pendingCountersign(signed, 'kaspersky', contextWith(fingerprintA), 'Cy Young')).toBeNull();
		expect(pendingCountersign(chainOf([pending]), 'huawei', contextWith(fingerprintA), 'Bo Diddley')).toBeNull();
	});
});
