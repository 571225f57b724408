// The class-rule and ownership findings of `vendor-risk screen`, in each format:
// JSON hits with "kind" and "rule" {id, title, status, milestones}, CSV rows with
// the same columns as name hits plus the rule's, and lines for people.
import type {ExposureFinding, RuleSummary, UnknownCategory} from '../records/index.js';
import {chainText, findingKindLabels, findingSummary} from '../tables/index.js';

const ruleJson = (rule: RuleSummary) => ({
	id: rule.id,
	title: rule.title,
	status: rule.status,
	statusLabel: rule.statusLabel,
	milestones: rule.milestones,
	modelYearMilestones: rule.modelYearMilestones,
	authority: rule.authority,
	instrument: rule.instrument,
	officialUrl: rule.officialUrl,
	verification: rule.verification,
	// Only with an `unknown` status: why it is unknown.
	...(rule.evidence ? {evidence: rule.evidence} : {}),
});

/** The stable JSON shape of one finding (keys named in the issue: kind, rule {id, title, status, milestones}, chains). */
export function findingJson(finding: ExposureFinding) {
	const base = {kind: finding.kind, vendor: {name: finding.vendor, id: finding.vendorId}, rule: ruleJson(finding.rule)};
	switch (finding.kind) {
		case 'class-rule':
			return {
				...base,
				asset: finding.asset,
				reason: finding.reason,
				from: finding.from,
				until: finding.until,
				modelYears: finding.modelYears,
			};
		case 'origin-unknown':
			return {...base, asset: finding.asset, reason: finding.reason};
		case 'ownership':
			return {...base, aggregatePercent: finding.aggregatePercent, chains: finding.chains};
		case 'ownership-unknown':
			return {...base, knownPercent: finding.knownPercent, owners: finding.owners};
	}
}

/** Extra CSV columns after the name-hit columns; name hits leave them empty. */
export const findingCsvHeader = [
	'kind',
	'rule_id',
	'rule_status',
	'asset_product',
	'asset_category',
	'asset_origin',
	'asset_quantity',
	'detail',
];

/** A finding as a CSV row: the name-hit columns it has (vendor), then the finding's own. */
export function findingCsvRow(finding: ExposureFinding, nameHitColumns: number): string[] {
	const asset = 'asset' in finding ? finding.asset : null;
	const cells = new Array<string>(nameHitColumns).fill('');
	cells[0] = finding.vendorId ?? '';
	cells[1] = finding.vendor;
	const detail =
		finding.kind === 'ownership' ? [findingSummary(finding), ...finding.chains.map(chainText)].join(' | ') : findingSummary(finding);
	return [
		...cells,
		finding.kind,
		finding.rule.id,
		finding.rule.statusLabel,
		asset?.product ?? '',
		asset?.category ?? '',
		asset?.countryOfOrigin ?? '',
		asset?.quantity === null || asset === null ? '' : String(asset.quantity),
		detail,
	];
}

/** Lines for people: the finding, the rule with its status on the day, its chains or its milestones. */
export function findingLines(finding: ExposureFinding): string[] {
	const lines = [`${findingKindLabels[finding.kind]}: ${finding.rule.title} [${finding.rule.statusLabel}]`, `  ${findingSummary(finding)}`];
	if (finding.kind === 'ownership') lines.push(...finding.chains.map(chain => `  ${chainText(chain)}`));
	if (finding.kind === 'class-rule') {
		lines.push(...finding.rule.milestones.map(milestone => `  ${milestone.date} ${milestone.what}`));
		if (finding.modelYears)
			lines.push(
				...[...finding.modelYears.applies, ...finding.modelYears.notYet].map(
					milestone =>
						`  model year ${milestone.modelYear} ${milestone.what}${finding.modelYears!.notYet.includes(milestone) ? ' (not for this model year)' : ''}`,
				),
			);
	}
	if (finding.rule.evidence) lines.push(`  status unknown: ${finding.rule.evidence}`);
	return lines;
}

export const unknownCategoryLine = (category: UnknownCategory) =>
	`unknown category "${category.category}" (${category.count}: ${category.where.join(', ')}${category.count > category.where.length ? ', …' : ''})${category.hint ? `: ${category.hint}` : ''}; no rule was applied`;
