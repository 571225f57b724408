// The one ordered list of severities: what "most severe" means in the tables,
// the queue order and the detail. A restriction's severity is its kind, unless it
// applies only to persons (executives designated, not the company): then it ranks
// below every restriction on the company itself. docs/records.md documents the list.
import type {Restriction, RestrictionKind} from './schema.js';

export type SeverityLevel = {key: RestrictionKind | 'persons-designated'; label: string; meaning: string};

/** Most severe first. */
export const severityLevels: readonly SeverityLevel[] = [
	{key: 'sanctions', label: 'sanctions', meaning: 'the company is blocked (e.g. OFAC SDN): no dealings at all'},
	{
		key: 'prohibition',
		label: 'prohibition',
		meaning: 'transactions in its products or services are prohibited (ICTS, PAFACA, executive orders)',
	},
	{key: 'export-control', label: 'export-control', meaning: 'exports to it need a licence, usually denied (BIS Entity List)'},
	{key: 'procurement', label: 'procurement', meaning: 'government buyers and contractors may not buy from it (NDAA 889, 1260H)'},
	{key: 'investment', label: 'investment', meaning: 'investment in its securities is barred (NS-CMIC)'},
	{key: 'telecom', label: 'telecom', meaning: 'its equipment cannot be authorised or funded (FCC Covered List)'},
	{key: 'advisory', label: 'advisory', meaning: 'an official warning or directive without a legal bar'},
	{
		key: 'persons-designated',
		label: 'executives designated',
		meaning: 'persons such as executives are designated, not the company (OFAC on Kaspersky, 2024)',
	},
];

const rankByKey = new Map(severityLevels.map((level, index) => [level.key, severityLevels.length - index]));

/** The severity level of a restriction: by whom it applies to, then by its kind. */
export const severityOf = (restriction: Pick<Restriction, 'kind' | 'target'>): SeverityLevel =>
	severityLevels.find(level => level.key === (restriction.target === 'persons' ? 'persons-designated' : restriction.kind))!;

/** Higher is more severe; 0 is no restriction. */
export const severityRank = (restriction: Pick<Restriction, 'kind' | 'target'>): number => rankByKey.get(severityOf(restriction).key)!;

/** The rank of a kind on the company itself. */
export const kindSeverity = (kind: RestrictionKind): number => rankByKey.get(kind)!;
