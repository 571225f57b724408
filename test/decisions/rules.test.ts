// The rules of a safe decision as the TUI's form will ask them (pure functions), and
// the queue's "why" as the tables show it.
import {describe, expect, test} from 'vitest';
import {
	decisionRequirements,
	outcomes,
	parseSignoffPolicy,
	formatSignoffPolicy,
	reasonsFor,
	reasonsByOutcome,
	reviewDaysFor,
	tierName,
	currentDecisionStatus,
	type DecisionContext,
	type RestrictionRef,
} from '../../source/decisions/index.js';
import {decisionFormCheck, decisionWhy} from '../../source/app-context/decisions.js';
import {vendorRows, queueTable} from '../../source/tables/index.js';
import {buildCatalog, loadEmbeddedRecords} from '../../source/records/index.js';
import {chainOf, decisionDraft, fingerprintA, fingerprintB} from './helpers.js';

const listed: RestrictionRef[] = [
	{id: 'r1', label: 'sanctions: OFAC SDN'},
	{id: 'r2', label: 'procurement: FAR 52.204-25'},
];

describe('reasons by outcome', () => {
	test('approve never offers sanctioned-entity or any restriction as its reason; no outcome offers every reason', () => {
		expect(reasonsFor('approve')).not.toContain('sanctioned-entity');
		for (const reason of ['export-control', 'procurement-ban', 'foreign-adversary-jurisdiction'] as const)
			expect(reasonsFor('approve')).not.toContain(reason);
		for (const outcome of outcomes) expect(reasonsByOutcome[outcome].length).toBeGreaterThan(0);
		expect(reasonsFor(null)).toEqual([]);
	});
});

describe('decision requirements', () => {
	const requirements = (outcome: (typeof outcomes)[number], restrictions: RestrictionRef[], signoff = 'none') =>
		decisionRequirements({outcome, vendorName: 'Kaspersky', restrictions, signoff: parseSignoffPolicy(signoff)});

	test.each(['approve', 'approve-with-conditions'] as const)(
		'%s of a restricted vendor needs a rationale and a confirmation naming every restriction',
		outcome => {
			const needs = requirements(outcome, listed);
			expect(needs.rationaleRequired).toMatch(/needs a rationale/);
			expect(needs.confirmation).toBe(
				`${outcome} Kaspersky despite 2 active restrictions: sanctions: OFAC SDN; procurement: FAR 52.204-25`,
			);
		},
	);

	test('approve of an unrestricted vendor needs neither; reject needs a rationale but no confirmation', () => {
		expect(requirements('approve', [])).toMatchObject({rationaleRequired: null, confirmation: null});
		expect(requirements('reject', listed)).toMatchObject({confirmation: null, rationaleRequired: 'a rationale is required for reject'});
	});

	test('the sign-off policy asks for a second reviewer always, or only on restricted vendors', () => {
		expect(requirements('reject', listed, 'reject:restricted').countersignRequired).toBe(true);
		expect(requirements('reject', [], 'reject:restricted').countersignRequired).toBe(false);
		expect(requirements('reject', [], 'reject').countersignRequired).toBe(true);
		expect(requirements('approve', listed, 'reject').countersignRequired).toBe(false);
	});

	test('a sign-off policy is parsed strictly and written back in one form', () => {
		expect(formatSignoffPolicy(parseSignoffPolicy(' reject:restricted , approve '))).toBe('reject:restricted,approve');
		expect(parseSignoffPolicy('none')).toEqual([]);
		expect(() => parseSignoffPolicy('reject:sometimes')).toThrow(/"reject:sometimes" is not a sign-off rule/);
		expect(() => parseSignoffPolicy('rejekt')).toThrow(/not a sign-off rule/);
	});
});

describe('tiers', () => {
	test('a criticality becomes a tier name; a tier falls back outcome by outcome to the untiered periods', () => {
		expect(tierName(' High ')).toBe('high');
		expect(tierName('Tier 1 (critical)')).toBe('tier-1-critical');
		expect(tierName('')).toBeNull();
		expect(reviewDaysFor('high', {reviewDays: {approve: 90, defer: 30}, tierReviewDays: {high: {approve: 180}}})).toEqual({
			approve: 180,
			defer: 30,
		});
		expect(reviewDaysFor(null, {reviewDays: {approve: 90}, tierReviewDays: {high: {approve: 180}}})).toEqual({approve: 90});
	});
});

describe('the decision form check for several vendors', () => {
	const context: DecisionContext = {
		vendorExists: () => true,
		fingerprintOf: () => fingerprintA,
		sourceVersions: () => [],
		nameOf: id => ({kaspersky: 'Kaspersky', acme: 'Acme'})[id] ?? id,
		activeRestrictionsOf: id => (id === 'kaspersky' ? listed : []),
	};

	test('nothing to check until an outcome is chosen', () => {
		expect(decisionFormCheck(['kaspersky'], null, context, {signoff: 'none'})).toBeNull();
	});

	test('a bulk approve names how many and which, confirms each restricted vendor, and lists who needs a countersign', () => {
		const check = decisionFormCheck(['kaspersky', 'acme'], 'approve', context, {signoff: 'approve:restricted'});
		expect(check).toMatchObject({
			reasons: reasonsByOutcome.approve,
			bulkConfirmation: 'approve 2 vendors: Kaspersky, Acme?',
			confirmations: [expect.stringMatching(/^approve Kaspersky despite 2 active restrictions/)],
			countersignFor: ['kaspersky'],
			countersignRequired: true,
		});
		expect(check?.rationaleRequired).toMatch(/needs a rationale/);
	});
});

describe("the queue's why", () => {
	const catalog = buildCatalog([{name: 'embedded', document: loadEmbeddedRecords()}]);

	test('each decision state has its why; a standing decision has none', () => {
		const [decision] = chainOf([decisionDraft({reviewBy: '2027-01-04', signoff: 'pending'})]);
		const entries = [decision!];
		expect(decisionWhy(currentDecisionStatus(entries, 'kaspersky', fingerprintA, '2026-12-06'))).toBe('pending countersign');
		expect(decisionWhy(currentDecisionStatus(entries, 'kaspersky', fingerprintB, '2026-12-06'))).toBe('stale: record changed');
		expect(decisionWhy(currentDecisionStatus(entries, 'nobody', fingerprintA, '2026-12-06'))).toBe('no decision');
		const [plain] = chainOf([decisionDraft({reviewBy: '2027-01-04'})]);
		expect(decisionWhy(currentDecisionStatus([plain!], 'kaspersky', fingerprintA, '2027-01-04'))).toBe('due 2027-01-04');
		expect(decisionWhy(currentDecisionStatus([plain!], 'kaspersky', fingerprintA, '2026-12-06'))).toBeNull();
	});

	test('rows join the decision why and the hits without disposition; rows outside the queue have none', () => {
		const rows = vendorRows(
			catalog,
			'2026-12-06',
			id => (id === 'huawei' ? {label: 'revoked', reviewBy: null, needsReview: true, state: 'revoked', why: 'revoked'} : null),
			id => (id === 'zte' ? {total: 4, undecided: 3} : id === 'huawei' ? {total: 1, undecided: 1} : null),
		);
		const why = (id: string) => rows.find(row => row.id === id)?.why;
		expect(why('kaspersky')).toBe('no decision');
		expect(why('huawei')).toBe('revoked; 1 hit without disposition');
		expect(why('zte')).toBe('no decision; 3 hits without disposition');
		expect(queueTable.columns.map(column => column.key).slice(0, 2)).toEqual(['name', 'why']);
	});
});
