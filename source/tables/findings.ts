// Exposure findings as the tables, the detail and the dashboard show them: one
// line per finding, chains in words, counts by kind and by rule.
import type {ExposureFinding, Exposure, FindingKind, OwnershipChain} from '../records/index.js';

export const findingKindLabels: Record<FindingKind, string> = {
	'class-rule': 'class rule',
	'origin-unknown': 'origin unknown',
	ownership: 'ownership',
	'ownership-unknown': 'ownership unknown',
};

const listLabels = {sdn: 'SDN', 'entity-list': 'Entity List'} as const;

/** "Zephyr Holding [SDN] → 75% → Zephyr Trading → 60% → Zephyr Logistics (counts 60%; economic share 45%)". */
export function chainText(chain: OwnershipChain): string {
	const path = chain.steps.map(step => `${step.percent}% → ${step.owned}`).join(' → ');
	return `${chain.listed.name} [${listLabels[chain.listed.list]}] → ${path} (counts ${chain.counted}%; economic share ${round(chain.share)}%)`;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** What the asset is, in one phrase: "Netgear RAX50 (wifi router, TW, ×40)". */
export function assetText(finding: Extract<ExposureFinding, {asset: unknown}>): string {
	const asset = finding.asset;
	const details = [
		asset.category,
		asset.countryOfOrigin ?? 'origin ?',
		asset.modelYear ? `MY${asset.modelYear}` : null,
		asset.quantity ? `×${asset.quantity}` : null,
	]
		.filter(Boolean)
		.join(', ');
	return `${asset.vendor}${asset.product ? ` ${asset.product}` : ''} (${details})`;
}

/** One line on a finding, without the rule's own details. */
export function findingSummary(finding: ExposureFinding): string {
	switch (finding.kind) {
		case 'class-rule':
		case 'origin-unknown':
			return `${assetText(finding)}: ${finding.reason}`;
		case 'ownership':
			return `${finding.vendor}: ${finding.aggregatePercent}% owned in aggregate by listed parties (${finding.chains.length} chain${finding.chains.length === 1 ? '' : 's'})`;
		case 'ownership-unknown':
			return `${finding.vendor}: listed owner${finding.owners.length === 1 ? '' : 's'} of unknown share (${finding.owners.map(owner => owner.name).join(', ')}); known shares add up to ${finding.knownPercent}%`;
	}
}

/** Findings by the inventory vendor they concern (assets whose vendor is not in the inventory are left out). */
export function findingsByVendor(exposure: Exposure): Map<string, ExposureFinding[]> {
	const byVendor = new Map<string, ExposureFinding[]>();
	for (const finding of exposure.findings) {
		if (finding.vendorId === null) continue;
		const list = byVendor.get(finding.vendorId) ?? [];
		list.push(finding);
		byVendor.set(finding.vendorId, list);
	}
	return byVendor;
}

export type Count = {label: string; value: number};

export type ExposureCounts = {
	/** Findings by kind: class rule, origin unknown, ownership, ownership unknown. */
	byKind: Count[];
	/** Findings by rule, most first. */
	byRule: Count[];
	/** Vendors with at least one finding. */
	vendors: number;
	assetsChecked: number;
	unknownCategories: number;
};

/** The dashboard's numbers on exposure, as plain data. */
export function exposureCounts(exposure: Exposure): ExposureCounts {
	const byRule = new Map<string, number>();
	for (const finding of exposure.findings) byRule.set(finding.rule.title, (byRule.get(finding.rule.title) ?? 0) + 1);
	return {
		byKind: (Object.keys(findingKindLabels) as FindingKind[]).map(kind => ({
			label: findingKindLabels[kind],
			value: exposure.findings.filter(finding => finding.kind === kind).length,
		})),
		byRule: [...byRule].sort((a, b) => b[1] - a[1]).map(([label, value]) => ({label, value})),
		vendors: new Set(exposure.findings.map(finding => finding.vendorId ?? `asset vendor:${finding.vendor}`)).size,
		assetsChecked: exposure.assetsChecked,
		unknownCategories: exposure.unknownCategories.length,
	};
}
