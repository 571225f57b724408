// Rows of the Restrictions view and `list restrictions`.
import {type Catalog, type Milestone, restrictionStatusOn, type RestrictionStatus, severityOf, statusLabel} from '../records/index.js';
import {verificationColumn, type Column, type TableSpec} from './column.js';

export type RestrictionRow = {
	id: string;
	vendorId: string;
	vendor: string;
	authority: string;
	jurisdiction: string;
	instrument: string;
	kind: string;
	/** Whom it applies to: the company, or persons only (executives designated). */
	target: 'company' | 'persons';
	/** Its place in the one list of severities: "sanctions" … "executives designated". */
	severity: string;
	program: string | null;
	status: RestrictionStatus;
	/** "suspended until …" where it applies, else the status. */
	statusLabel: string;
	effective: string | null;
	next: string | null;
	nextWhat: string | null;
	end: string | null;
	citation: string | null;
	verification: string;
	milestones: Milestone[];
	officialUrl: string | null;
	frDoc: string | null;
	scope: string;
	appliesTo: string[];
	announced: string | null;
	sources: string[];
	evidence: string | null;
};

export function restrictionRows(catalog: Catalog, asOf: string): RestrictionRow[] {
	return catalog.restrictions.map(restriction => {
		const status = restrictionStatusOn(restriction, asOf);
		return {
			id: restriction.id,
			vendorId: restriction.vendorId,
			vendor: catalog.vendorById.get(restriction.vendorId)?.name ?? restriction.vendorId,
			authority: restriction.authority,
			jurisdiction: restriction.jurisdiction,
			instrument: restriction.instrument,
			kind: restriction.kind,
			target: restriction.target ?? 'company',
			severity: severityOf(restriction).label,
			program: restriction.program,
			status: status.status,
			statusLabel: statusLabel(status),
			effective: status.effective,
			next: status.milestone?.date ?? null,
			nextWhat: status.milestone?.what ?? null,
			end: restriction.endDate,
			citation: restriction.federalRegister?.citation ?? restriction.federalRegister?.frDoc ?? null,
			verification: restriction.verification,
			milestones: restriction.milestones,
			officialUrl: restriction.officialUrl,
			frDoc: restriction.federalRegister?.frDoc ?? null,
			scope: restriction.scope,
			appliesTo: restriction.appliesTo,
			announced: restriction.announced,
			sources: restriction.sources,
			evidence: restriction.evidence,
		};
	});
}

const columns: Column<RestrictionRow>[] = [
	{key: 'vendor', label: 'Vendor', value: row => row.vendor, priority: 0, minWidth: 10, maxWidth: 18},
	{key: 'authority', label: 'Authority', value: row => row.authority, priority: 5, minWidth: 8, maxWidth: 22},
	{
		key: 'instrument',
		label: 'Instrument',
		value: row => row.instrument,
		display: row => (row.verification === 'likely' ? `(likely) ${row.instrument}` : row.instrument),
		priority: 0,
		minWidth: 12,
		maxWidth: 30,
		grow: true,
	},
	{key: 'status', label: 'Status', value: row => row.status, display: row => row.statusLabel, priority: 0, minWidth: 8, maxWidth: 26},
	{key: 'effective', label: 'Effective', aliases: ['from'], value: row => row.effective, priority: 2, minWidth: 10, maxWidth: 10},
	{key: 'next', label: 'Milestone', aliases: ['milestone'], value: row => row.next, priority: 1, minWidth: 10, maxWidth: 10},
	{key: 'end', label: 'Ends', aliases: ['until'], value: row => row.end, priority: 6, minWidth: 10, maxWidth: 10},
	{key: 'citation', label: 'Citation', aliases: ['fr', 'cite'], value: row => row.citation, priority: 4, minWidth: 8, maxWidth: 14},
	{
		key: 'jurisdiction',
		label: 'By',
		aliases: ['imposedby', 'country'],
		value: row => row.jurisdiction,
		priority: 3,
		minWidth: 2,
		maxWidth: 3,
	},
	verificationColumn(),
	{key: 'kind', label: 'Kind', hidden: true, value: row => row.kind, priority: 9, minWidth: 0, maxWidth: 0},
	{
		key: 'severity',
		label: 'Severity',
		aliases: ['target'],
		hidden: true,
		value: row => row.severity,
		priority: 9,
		minWidth: 0,
		maxWidth: 0,
	},
	{
		key: 'program',
		label: 'Program',
		aliases: ['programme'],
		hidden: true,
		value: row => row.program,
		priority: 9,
		minWidth: 0,
		maxWidth: 0,
	},
	{key: 'id', label: 'Id', hidden: true, value: row => row.id, priority: 9, minWidth: 0, maxWidth: 0},
	{key: 'vendorid', label: 'Vendor id', hidden: true, value: row => row.vendorId, priority: 9, minWidth: 0, maxWidth: 0},
];

export const restrictionTable: TableSpec<RestrictionRow> = {
	name: 'Restrictions',
	columns,
	defaultSort: {column: 'effective', descending: true},
};
