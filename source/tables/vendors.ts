// Rows of the Vendors view and `list vendors`.
import {activeDesignations, designationLabel, type Catalog, kindSeverity, restrictionStatusOn} from '../records/index.js';
import type {Column, TableSpec} from './column.js';

/** A vendor's decision as the tables show it; `needsReview` puts it in the review queue. */
export type DecisionSummary = {label: string; reviewBy: string | null; needsReview?: boolean; state?: string};

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
	/** In the review queue: restricted (or hit) and without a standing decision (none, stale, due or revoked), or with undecided hits. */
	queue: boolean;
	/** Earliest relevant date for the queue order: the next milestone, else the latest effective date. */
	queueDate: string | null;
};

/** Screening hits of a vendor: how many, and how many still without a disposition. */
export type HitSummary = {total: number; undecided: number};

export function vendorRows(
	catalog: Catalog,
	asOf: string,
	decisionOf: (vendorId: string) => DecisionSummary | null = () => null,
	hitsOf: (vendorId: string) => HitSummary | null = () => null,
): VendorRow[] {
	return catalog.vendors.map(vendor => {
		const restrictions = catalog.restrictionsByVendor.get(vendor.id) ?? [];
		const statuses = restrictions.map(restriction => ({restriction, ...restrictionStatusOn(restriction, asOf)}));
		const active = statuses.filter(item => item.status === 'active');
		const severest = [...active].sort((a, b) => kindSeverity(b.restriction.kind) - kindSeverity(a.restriction.kind))[0];
		const upcomingMilestones = statuses
			.filter(item => item.status !== 'ended' && item.milestoneIsUpcoming && item.milestone)
			.map(item => item.milestone!)
			.sort((a, b) => (a.date < b.date ? -1 : 1));
		const decision = decisionOf(vendor.id);
		const hits = hitsOf(vendor.id);
		return {
			id: vendor.id,
			name: vendor.name,
			hq: vendor.hq,
			designations: activeDesignations(catalog.jurisdictionByCode.get(vendor.hq), asOf).map(designationLabel),
			active: active.length,
			upcoming: statuses.filter(item => item.status === 'upcoming').length,
			severest: severest ? severest.restriction.instrument : null,
			severestKind: severest ? severest.restriction.kind : null,
			severity: severest ? kindSeverity(severest.restriction.kind) : 0,
			next: upcomingMilestones[0]?.date ?? null,
			nextWhat: upcomingMilestones[0]?.what ?? null,
			decision: decision?.label ?? '—',
			reviewBy: decision?.reviewBy ?? null,
			aliases: [...vendor.aliases, ...vendor.entities.flatMap(entity => [entity.name, entity.originalScript ?? ''])].filter(Boolean),
			categories: vendor.categories,
			source: catalog.vendorSource.get(vendor.id) ?? '',
			hits: hits?.total ?? 0,
			undecidedHits: hits?.undecided ?? 0,
			queue:
				(hits?.undecided ?? 0) > 0 ||
				((active.length > 0 || statuses.some(item => item.status === 'upcoming') || (hits?.total ?? 0) > 0) &&
					(decision?.needsReview ?? true)),
			queueDate:
				upcomingMilestones[0]?.date ??
				statuses
					.map(item => item.effective)
					.filter((date): date is string => Boolean(date))
					.sort()
					.at(-1) ??
				null,
		};
	});
}

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
	{key: 'source', label: 'Source', hidden: true, value: row => row.source, priority: 9, minWidth: 0, maxWidth: 0},
];

export const vendorTable: TableSpec<VendorRow> = {name: 'Vendors', columns, defaultSort: {column: 'severity', descending: true}};
