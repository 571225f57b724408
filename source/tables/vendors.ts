// Rows of the Vendors view and `list vendors`.
import {
	activeDesignations,
	designationLabel,
	type Catalog,
	type ExposureFinding,
	kindSeverity,
	restrictionStatusOn,
	severityLevels,
	severityOf,
	severityRank,
} from '../records/index.js';
import type {Column, TableSpec} from './column.js';
import {findingKindLabels} from './findings.js';

/** A vendor's decision as the tables show it; `needsReview` puts it in the review queue. */
export type DecisionSummary = {
	label: string;
	reviewBy: string | null;
	needsReview?: boolean;
	state?: string;
	/** Why the decision puts the vendor in the queue ("stale: record changed", "pending countersign", …), or null. */
	why?: string | null;
};

export type VendorRow = {
	id: string;
	name: string;
	hq: string;
	designations: string[];
	active: number;
	upcoming: number;
	severest: string | null;
	severestKind: string | null;
	severity: number;
	next: string | null;
	nextWhat: string | null;
	decision: string;
	reviewBy: string | null;
	aliases: string[];
	categories: string[];
	source: string;
	hits: number;
	undecidedHits: number;
	/** Exposure findings (class rules, ownership and their unknowns) on the vendor's product lines and owners. */
	findings: number;
	/** In the review queue: restricted (or hit, or with findings) and without a standing decision (none, stale, due or revoked), or with undecided hits. */
	queue: boolean;
	/** Why it is in the queue, most pressing first ("no decision", "2 undecided hits", "class rule: …"); empty when it is not. */
	queueReasons: string[];
	/** Earliest relevant date for the queue order: the next milestone, else the latest effective date. */
	queueDate: string | null;
	/** Why the vendor is in the queue, e.g. "no decision", "due 2027-01-04", "3 hits without disposition"; '' when it is not. */
	why: string;
};

/** Screening hits of a vendor: how many, and how many still without a disposition. */
export type HitSummary = {total: number; undecided: number};

export function vendorRows(
	catalog: Catalog,
	asOf: string,
	decisionOf: (vendorId: string) => DecisionSummary | null = () => null,
	hitsOf: (vendorId: string) => HitSummary | null = () => null,
	findingsOf: (vendorId: string) => readonly ExposureFinding[] = () => [],
): VendorRow[] {
	return catalog.vendors.map(vendor => {
		const restrictions = catalog.restrictionsByVendor.get(vendor.id) ?? [];
		const statuses = restrictions.map(restriction => ({restriction, ...restrictionStatusOn(restriction, asOf)}));
		const active = statuses.filter(item => item.status === 'active');
		// Ranked by the one list of severities: a restriction on executives only ranks below any on the company.
		const severest = [...active].sort((a, b) => severityRank(b.restriction) - severityRank(a.restriction))[0];
		const findings = findingsOf(vendor.id);
		const severestFinding = [...findings].sort((a, b) => findingRank(b) - findingRank(a))[0];
		const restrictionRank = severest ? severityRank(severest.restriction) : 0;
		const findingWins = severestFinding !== undefined && findingRank(severestFinding) > restrictionRank;
		const upcomingMilestones = statuses
			.filter(item => item.status !== 'ended' && item.milestoneIsUpcoming && item.milestone)
			.map(item => item.milestone!)
			.sort((a, b) => (a.date < b.date ? -1 : 1));
		const decision = decisionOf(vendor.id);
		const hits = hitsOf(vendor.id);
		const upcoming = statuses.filter(item => item.status === 'upcoming').length;
		const undecided = hits?.undecided ?? 0;
		const decisionNeeded =
			(active.length > 0 || upcoming > 0 || (hits?.total ?? 0) > 0 || findings.length > 0) && (decision?.needsReview ?? true);
		const queue = undecided > 0 || decisionNeeded;
		const reasons = queue
			? queueReasons(decisionNeeded ? (decision ? (decision.why ?? decision.label) : 'no decision') : null, undecided, findings)
			: [];
		return {
			id: vendor.id,
			name: vendor.name,
			hq: vendor.hq,
			designations: activeDesignations(catalog.jurisdictionByCode.get(vendor.hq), asOf).map(designationLabel),
			active: active.length,
			upcoming,
			severest: findingWins ? severestFinding.rule.title : severest ? severest.restriction.instrument : null,
			severestKind: findingWins ? severestFinding.rule.kind : severest ? severityOf(severest.restriction).label : null,
			severity: Math.max(restrictionRank, severestFinding ? findingRank(severestFinding) : 0),
			next: upcomingMilestones[0]?.date ?? null,
			nextWhat: upcomingMilestones[0]?.what ?? null,
			decision: decision?.label ?? '—',
			reviewBy: decision?.reviewBy ?? null,
			aliases: [...vendor.aliases, ...vendor.entities.flatMap(entity => [entity.name, entity.originalScript ?? ''])].filter(Boolean),
			categories: vendor.categories,
			source: catalog.vendorSource.get(vendor.id) ?? '',
			hits: hits?.total ?? 0,
			undecidedHits: hits?.undecided ?? 0,
			findings: findings.length,
			queue,
			queueReasons: reasons,
			queueDate:
				upcomingMilestones[0]?.date ??
				statuses
					.map(item => item.effective)
					.filter((date): date is string => Boolean(date))
					.sort()
					.at(-1) ??
				null,
			why: reasons.join('; '),
		};
	});
}

/**
 * A finding's rank in the one list of severities: a class-rule or ownership finding
 * under a rule in force (or suspended, or of unknown status) ranks as its rule's kind;
 * unknowns and findings under upcoming or proposed rules rank as advisories.
 */
function findingRank(finding: ExposureFinding): number {
	const standing = finding.rule.status === 'active' || finding.rule.status === 'suspended' || finding.rule.status === 'unknown';
	if ((finding.kind === 'class-rule' || finding.kind === 'ownership') && standing) return kindSeverity(finding.rule.kind);
	return kindSeverity('advisory');
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Why a vendor is in the queue, most pressing first, as the queue view and
 * `queue --json` (`why`) show it: the decision's state ("no decision", "stale:
 * record changed", "due 2027-01-04", "revoked", "pending countersign"), hits
 * without a disposition, then each class rule or ownership finding.
 */
export function queueReasons(decisionWhy: string | null, undecidedHits: number, findings: readonly ExposureFinding[]): string[] {
	const reasons = [decisionWhy ?? ''];
	if (undecidedHits) reasons.push(`${plural(undecidedHits, 'hit')} without disposition`);
	const byRule = new Map<string, {kind: ExposureFinding['kind']; title: string; status: string; count: number}>();
	for (const finding of findings) {
		const key = `${finding.kind}\u0000${finding.rule.id}`;
		const entry = byRule.get(key) ?? {kind: finding.kind, title: finding.rule.title, status: finding.rule.statusLabel, count: 0};
		entry.count += 1;
		byRule.set(key, entry);
	}
	for (const {kind, title, status, count} of byRule.values())
		reasons.push(
			`${findingKindLabels[kind]}: ${title} [${status}]${kind === 'class-rule' || kind === 'origin-unknown' ? ` (${plural(count, 'asset')})` : ''}`,
		);
	return reasons.filter(Boolean);
}

/** The severity levels, for a legend: most severe first. */
export const severityLegend = severityLevels.map(level => ({label: level.label, meaning: level.meaning}));

// Priorities and minimums are set for 80 columns: Vendor, HQ, Act, Up, Most
// severe, Next and Decision fit; with an inventory, Hits takes the place of Up
// and Next, so the names keep their room. Review by and Designations need a
// wider terminal.
const columns: Column<VendorRow>[] = [
	{key: 'name', label: 'Vendor', aliases: ['vendor'], value: row => row.name, priority: 0, minWidth: 18, maxWidth: 26, grow: true},
	{key: 'hq', label: 'HQ', aliases: ['jurisdiction', 'country', 'j'], value: row => row.hq, priority: 0, minWidth: 2, maxWidth: 5},
	{
		key: 'designations',
		label: 'Designations',
		aliases: ['designation', 'des'],
		value: row => row.designations,
		priority: 5,
		minWidth: 8,
		maxWidth: 22,
	},
	{key: 'active', label: 'Act', value: row => row.active, priority: 0, minWidth: 3, maxWidth: 3, align: 'right'},
	{key: 'upcoming', label: 'Up', value: row => row.upcoming, priority: 3, minWidth: 2, maxWidth: 2, align: 'right'},
	{
		key: 'severest',
		label: 'Severest',
		aliases: ['instrument', 'severe'],
		value: row => row.severest,
		display: row => (row.severest ? `${row.severestKind}: ${row.severest}` : '—'),
		priority: 1,
		minWidth: 10,
		maxWidth: 30,
	},
	{key: 'next', label: 'Next', aliases: ['milestone'], value: row => row.next, priority: 2, minWidth: 10, maxWidth: 10},
	{
		key: 'hits',
		label: 'Hits',
		value: row => row.hits,
		// "2 new" when every hit still needs a disposition: the usual case fits in the column's minimum.
		display: row =>
			row.hits ? `${row.hits}${row.undecidedHits ? (row.undecidedHits === row.hits ? ' new' : ` (${row.undecidedHits} new)`) : ''}` : '—',
		priority: 1,
		minWidth: 5,
		maxWidth: 12,
		align: 'right',
		dropWhenEmpty: true,
	},
	{key: 'decision', label: 'Decision', aliases: ['decided'], value: row => row.decision, priority: 1, minWidth: 8, maxWidth: 20},
	{
		key: 'review',
		label: 'Review by',
		aliases: ['reviewby', 'rereview'],
		value: row => row.reviewBy,
		priority: 4,
		minWidth: 10,
		maxWidth: 10,
	},
	{
		key: 'undecided',
		label: 'Undecided hits',
		aliases: ['newhits'],
		hidden: true,
		value: row => row.undecidedHits,
		priority: 9,
		minWidth: 0,
		maxWidth: 0,
	},
	{
		key: 'status',
		label: 'Status',
		hidden: true,
		value: row => (row.active ? 'active' : row.upcoming ? 'upcoming' : 'none'),
		priority: 9,
		minWidth: 0,
		maxWidth: 0,
	},
	{key: 'kind', label: 'Kind', hidden: true, value: row => row.severestKind, priority: 9, minWidth: 0, maxWidth: 0},
	{key: 'id', label: 'Id', hidden: true, value: row => row.id, priority: 9, minWidth: 0, maxWidth: 0},
	{
		key: 'alias',
		label: 'Aliases',
		aliases: ['aliases', 'entity'],
		hidden: true,
		value: row => row.aliases,
		priority: 9,
		minWidth: 0,
		maxWidth: 0,
	},
	{
		key: 'category',
		label: 'Categories',
		aliases: ['categories', 'product'],
		hidden: true,
		value: row => row.categories,
		priority: 9,
		minWidth: 0,
		maxWidth: 0,
	},
	{key: 'severity', label: 'Severity', hidden: true, value: row => row.severity, priority: 9, minWidth: 0, maxWidth: 0},
	{key: 'queue', label: 'Queue', hidden: true, value: row => (row.queue ? 'yes' : 'no'), priority: 9, minWidth: 0, maxWidth: 0},
	{
		key: 'findings',
		label: 'Findings',
		aliases: ['exposure'],
		hidden: true,
		value: row => row.findings,
		priority: 9,
		minWidth: 0,
		maxWidth: 0,
	},
	{
		key: 'reason',
		label: 'Queue reasons',
		aliases: ['reasons', 'why'],
		hidden: true,
		value: row => row.queueReasons,
		priority: 9,
		minWidth: 0,
		maxWidth: 0,
	},
	{key: 'source', label: 'Source', hidden: true, value: row => row.source, priority: 9, minWidth: 0, maxWidth: 0},
	{key: 'why', label: 'Why', hidden: true, value: row => row.why, priority: 9, minWidth: 0, maxWidth: 0},
];

export const vendorTable: TableSpec<VendorRow> = {name: 'Vendors', columns, defaultSort: {column: 'severity', descending: true}};

/**
 * The review queue: the vendor columns with "why" shown second, in the queue's own
 * order (no default sort). Why is what the queue is for, so it is the column that
 * takes the room a wider terminal gives.
 */
export const queueTable: TableSpec<VendorRow> = {
	name: 'Queue',
	columns: [
		{...columns[0]!, grow: false},
		{key: 'why', label: 'Why', value: row => row.why, priority: 0, minWidth: 16, maxWidth: 60, grow: true},
		...columns.slice(1).filter(column => column.key !== 'why'),
	],
	defaultSort: null,
};
