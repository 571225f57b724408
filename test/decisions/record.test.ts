import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {UserInputError} from '../../source/errors/index.js';
import {openSettings} from '../../source/settings/index.js';
import type {Restriction, Vendor} from '../../source/records/schema.js';
import {
	checkDecisionRequest,
	currentDecisionStatus,
	fingerprintVendor,
	openDecisionLog,
	recordDecision,
	recordDisposition,
	revokeLast,
	verifyChain,
	reasonsByOutcome,
	type DecisionLog,
	type Outcome,
} from '../../source/decisions/index.js';
import {fingerprintA, fingerprintB, tempHome, type TempHome} from './helpers.js';

let home: TempHome;
let log: DecisionLog;
beforeEach(() => {
	home = tempHome();
	log = openDecisionLog({env: home.env});
});
afterEach(() => home.remove());

const reviewDays = {approve: 90, 'approve-with-conditions': 60, defer: 30, escalate: 14};
const check = (request: Partial<Parameters<typeof checkDecisionRequest>[0]>) =>
	checkDecisionRequest({vendorId: 'kaspersky', outcome: 'approve', reason: 'no-exposure', ...request}, {today: '2025-03-01', reviewDays});
const basis = {
	vendorFingerprint: fingerprintA,
	sources: [{sourceId: 'ofac-sdn', fetchedAt: '2025-02-01T00:00:00.000Z', contentHash: 'c'.repeat(64)}],
};
// Everything given explicitly, so no test reads the real settings or git config.
const options = {reviewer: 'Ada Reviewer', reviewDays, today: '2025-03-01'};

describe('checking a decision request', () => {
	// Each outcome with the first reason it takes: the pair always fits.
	const fitting = (outcome: Outcome) => ({outcome, reason: reasonsByOutcome[outcome][0]!});

	test.each(['reject', 'approve-with-conditions', 'escalate'] as const)('%s needs a rationale', outcome => {
		expect(() => check(fitting(outcome))).toThrow(UserInputError);
		expect(() => check({...fitting(outcome), rationale: '   '})).toThrow(/rationale is required for/);
		expect(check({...fitting(outcome), rationale: 'Listed.'}).rationale).toBe('Listed.');
	});

	test.each(['approve', 'defer'] as const)('%s may go without a rationale', outcome => {
		expect(check(fitting(outcome)).rationale).toBeNull();
	});

	test('a reason that contradicts the outcome is refused, naming the reasons that fit', () => {
		expect(() => check({outcome: 'approve', reason: 'sanctioned-entity'})).toThrow(
			/reason "sanctioned-entity" does not fit approve; approve takes: no-exposure, false-positive, accepted-risk/,
		);
		expect(() => check({outcome: 'reject', reason: 'no-exposure', rationale: 'x'})).toThrow(/does not fit reject/);
	});

	test('unknown outcomes and reason codes are refused with the list of valid ones', () => {
		expect(() => check({outcome: 'okay'})).toThrow(/unknown outcome "okay"; expected one of: approve, approve-with-conditions/);
		expect(() => check({reason: 'vibes'})).toThrow(/unknown reason "vibes"; expected one of: sanctioned-entity/);
	});

	test('the re-review date defaults to today plus the period for the outcome, and reject has none', () => {
		expect(check({outcome: 'approve'}).reviewBy).toBe('2025-05-30');
		expect(check({outcome: 'escalate', reason: 'pending-information', rationale: 'Legal to decide.'}).reviewBy).toBe('2025-03-15');
		expect(check({outcome: 'reject', reason: 'sanctioned-entity', rationale: 'Listed.'}).reviewBy).toBeNull();
	});

	test('a re-review date must be a real date, not in the past', () => {
		expect(check({reviewBy: '2025-12-31'}).reviewBy).toBe('2025-12-31');
		expect(() => check({reviewBy: '2025-02-30'})).toThrow(/bad re-review date "2025-02-30"/);
		expect(() => check({reviewBy: 'next week'})).toThrow(/expected a real date as YYYY-MM-DD/);
		expect(() => check({reviewBy: '2025-02-28'})).toThrow(/before today/);
	});
});

describe('recording', () => {
	test('a decision records who, when, why, until when, and what it was made on', async () => {
		const entry = await recordDecision(
			log,
			{vendorId: 'kaspersky', outcome: 'reject', reason: 'sanctioned-entity', rationale: 'Listed.', ...basis},
			options,
		);
		expect(entry).toMatchObject({
			kind: 'decision',
			reviewer: 'Ada Reviewer',
			vendorId: 'kaspersky',
			outcome: 'reject',
			rationale: 'Listed.',
			reviewBy: null,
			basis,
		});
		expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(log.entries()).toEqual([entry]);
	});

	test('the reviewer comes from settings when none is given', async () => {
		openSettings(home.env).set('reviewer', 'Sam Settings');
		const entry = await recordDecision(
			log,
			{vendorId: 'kaspersky', outcome: 'approve', reason: 'no-exposure', ...basis},
			{env: home.env, today: '2025-03-01'},
		);
		expect(entry.reviewer).toBe('Sam Settings');
	});

	test('a disposition marks one screening hit against the record as fingerprinted', async () => {
		const hit = {vendorFingerprint: fingerprintA, entryId: 'SDN-1234', entryContentHash: 'd'.repeat(64)};
		const entry = await recordDisposition(
			log,
			{vendorId: 'acme', disposition: 'false-positive', hit, rationale: 'Different company.'},
			options,
		);
		expect(entry).toMatchObject({kind: 'disposition', disposition: 'false-positive', hit});
		await expect(recordDisposition(log, {vendorId: 'acme', disposition: 'maybe', hit, rationale: 'x'}, options)).rejects.toThrow(
			/unknown disposition/,
		);
		await expect(recordDisposition(log, {vendorId: 'acme', disposition: 'confirmed-match', hit, rationale: ' '}, options)).rejects.toThrow(
			/reason is required/,
		);
	});
});

describe("the state of a vendor's decision", () => {
	const record = (outcome: string, extra: Record<string, unknown> = {}) =>
		recordDecision(
			log,
			{
				vendorId: 'kaspersky',
				outcome,
				reason: reasonsByOutcome[outcome as Outcome][0]!,
				rationale: `${outcome} because`,
				...basis,
				...extra,
			},
			options,
		);

	test('with no decision the state is none', () => {
		expect(currentDecisionStatus(log.entries(), 'kaspersky', fingerprintA, '2025-03-01')).toMatchObject({decision: null, state: 'none'});
	});

	test('the latest decision is current while the record is unchanged and the re-review date not reached', async () => {
		await record('approve');
		const latest = await record('approve-with-conditions');
		expect(currentDecisionStatus(log.entries(), 'kaspersky', fingerprintA, '2025-03-02')).toMatchObject({
			decision: latest,
			state: 'current',
		});
	});

	test('a changed record makes the decision stale', async () => {
		await record('approve');
		expect(currentDecisionStatus(log.entries(), 'kaspersky', fingerprintB, '2025-03-02')).toMatchObject({
			state: 'stale',
			stale: true,
			message: 'stale: record changed since decision',
		});
	});

	test('the decision is due from its re-review date on', async () => {
		await record('approve', {reviewBy: '2025-06-01'});
		const entries = log.entries();
		expect(currentDecisionStatus(entries, 'kaspersky', fingerprintA, '2025-05-31').state).toBe('current');
		expect(currentDecisionStatus(entries, 'kaspersky', fingerprintA, '2025-06-01')).toMatchObject({state: 'due', due: true});
		expect(currentDecisionStatus(entries, 'kaspersky', fingerprintA, new Date('2025-09-01T00:00:00Z')).state).toBe('due');
	});

	test('a revocation makes the previous decision no longer current, and the one before it current again', async () => {
		const first = await record('approve');
		const second = await record('reject');
		const revocation = await revokeLast(log, 'kaspersky', {...options, rationale: 'Wrong vendor record.'});
		expect(revocation).toMatchObject({kind: 'revocation', revokes: second.id, revokesSeq: second.seq});
		expect(currentDecisionStatus(log.entries(), 'kaspersky', fingerprintA, '2025-03-02')).toMatchObject({
			decision: first,
			state: 'current',
		});

		await revokeLast(log, 'kaspersky', options);
		expect(currentDecisionStatus(log.entries(), 'kaspersky', fingerprintA, '2025-03-02')).toMatchObject({decision: null, state: 'revoked'});
		// Nothing was deleted: all four entries are still there, chained.
		expect(verifyChain(log.entries())).toMatchObject({ok: true, count: 4});
	});

	test('revoking with no decision in force is refused and writes nothing', async () => {
		await expect(revokeLast(log, 'kaspersky', options)).rejects.toThrow(/no current decision for vendor "kaspersky"/);
		expect(log.entries()).toEqual([]);
	});

	test('decisions for other vendors do not count', async () => {
		await recordDecision(log, {vendorId: 'huawei', outcome: 'approve', reason: 'no-exposure', ...basis}, options);
		expect(currentDecisionStatus(log.entries(), 'kaspersky', fingerprintA, '2025-03-02').state).toBe('none');
	});
});

describe('fingerprints', () => {
	const vendor: Vendor = {id: 'acme', name: 'Acme', entities: [], aliases: [], hq: 'US', parent: null, categories: [], notes: null};
	const restriction = (id: string, vendorId = 'acme'): Restriction => ({
		id,
		vendorId,
		authority: 'OFAC',
		jurisdiction: 'US',
		instrument: 'SDN',
		kind: 'sanctions',
		program: null,
		appliesTo: [],
		announced: null,
		milestones: [],
		endDate: null,
		statusNote: null,
		scope: '',
		federalRegister: null,
		officialUrl: null,
		sources: [],
		verification: 'confirmed',
		evidence: null,
	});

	test('the fingerprint ignores key and restriction order and restrictions of other vendors', () => {
		const reordered = Object.fromEntries(Object.entries(vendor).reverse()) as Vendor;
		expect(fingerprintVendor(reordered, [restriction('r2'), restriction('r1'), restriction('x', 'other')])).toBe(
			fingerprintVendor(vendor, [restriction('r1'), restriction('r2')]),
		);
	});

	test('any change to the record or its restrictions changes the fingerprint', () => {
		const before = fingerprintVendor(vendor, [restriction('r1')]);
		expect(fingerprintVendor({...vendor, notes: 'new'}, [restriction('r1')])).not.toBe(before);
		expect(fingerprintVendor(vendor, [{...restriction('r1'), endDate: '2026-01-01'}])).not.toBe(before);
		expect(before).toMatch(/^[0-9a-f]{64}$/);
	});
});
