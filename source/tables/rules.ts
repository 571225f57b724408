// Rows of a "rules and the assets they reach" view and `list rules`: every class
// rule with its status on the day and what it reaches in this run's inventory and
// assets; and the detail of one rule as sections.
import {
	ruleStatusOn,
	statusLabel,
	type Catalog,
	type ClassRule,
	type Exposure,
	type ExposureFinding,
	type Milestone,
	type RestrictionStatus,
} from '../records/index.js';
import {verificationColumn, type Column, type TableSpec} from './column.js';
import type {DetailLine, DetailSection} from './detail.js';
import {assetText, chainText, findingSummary} from './findings.js';

export type RuleRow = {
	id: string;
	title: string;
	authority: string;
	jurisdiction: string;
	instrument: string;
	status: RestrictionStatus;
	/** "suspended until 2026-11-09", "unknown after 2026-11-09", "active". */
	statusLabel: string;
	effective: string | null;
	next: string | null;
	nextWhat: string | null;
	end: string | null;
	/** What it applies to: its product classes (ownership rules: the ownership test). */
	appliesTo: string[];
	originCondition: string;
	coveredCountries: string[];
	namedVendors: string[];
	milestones: Milestone[];
	modelYearMilestones: Array<{modelYear: number; what: string}>;
	suspensions: Array<{from: string; until: string; what: string; source: string | null}>;
	announced: string | null;
	scope: string;
	citation: string | null;
	officialUrl: string | null;
	sources: string[];
	verification: string;
	evidence: string | null;
	/** What it reaches in this run: assets (rows), their units (quantities; a row without one counts 1), vendors. */
	assets: number;
	units: number;
	vendors: number;
	originUnknown: number;
	ownership: number;
	ownershipUnknown: number;
};

export function ruleRows(catalog: Pick<Catalog, 'classRules'>, asOf: string, exposure: Exposure): RuleRow[] {
	return catalog.classRules.map(rule => {
		const status = ruleStatusOn(rule, asOf);
		const findings = exposure.findings.filter(finding => finding.rule.id === rule.id);
		const reached = findings.filter(finding => finding.kind === 'class-rule');
		return {
			id: rule.id,
			title: rule.title,
			authority: rule.authority,
			jurisdiction: rule.jurisdiction,
			instrument: rule.instrument,
			status: status.status,
			statusLabel: statusLabel(status),
			effective: status.effective,
			next: status.milestone?.date ?? null,
			nextWhat: status.milestone?.what ?? null,
			end: rule.endDate,
			appliesTo: rule.productClasses,
			originCondition: rule.originCondition,
			coveredCountries: rule.coveredCountries,
			namedVendors: rule.namedVendors,
			milestones: rule.milestones,
			modelYearMilestones: rule.modelYearMilestones,
			suspensions: rule.suspensions,
			announced: rule.announced,
			scope: rule.scope,
			citation: rule.federalRegister?.citation ?? rule.federalRegister?.frDoc ?? null,
			officialUrl: rule.officialUrl,
			sources: rule.sources,
			verification: rule.verification,
			evidence: rule.evidence,
			assets: reached.length,
			units: reached.reduce((sum, finding) => sum + (finding.asset.quantity ?? 1), 0),
			vendors: new Set(findings.map(finding => finding.vendorId ?? finding.vendor)).size,
			originUnknown: findings.filter(finding => finding.kind === 'origin-unknown').length,
			ownership: findings.filter(finding => finding.kind === 'ownership').length,
			ownershipUnknown: findings.filter(finding => finding.kind === 'ownership-unknown').length,
		};
	});
}

/** "3 assets (45 units) · 1 origin ?" style summary of what a rule reaches. */
export function reachText(row: RuleRow): string {
	const parts = [
		row.assets ? `${row.assets} asset${row.assets === 1 ? '' : 's'}${row.units !== row.assets ? ` (${row.units} units)` : ''}` : '',
		row.ownership ? `${row.ownership} owned` : '',
		row.originUnknown ? `${row.originUnknown} origin ?` : '',
		row.ownershipUnknown ? `${row.ownershipUnknown} owners ?` : '',
	].filter(Boolean);
	return parts.join(' · ') || '—';
}

const columns: Column<RuleRow>[] = [
	{key: 'title', label: 'Rule', aliases: ['rule', 'name'], value: row => row.title, priority: 0, minWidth: 16, maxWidth: 44},
	// What the rules reach is what this table is for: room for "1 asset (40 units)" and "unknown after…" before the classes.
	{key: 'status', label: 'Status', value: row => row.status, display: row => row.statusLabel, priority: 0, minWidth: 10, maxWidth: 26},
	{
		key: 'reach',
		label: 'Reaches',
		aliases: ['assets', 'reaches'],
		value: row => row.assets + row.ownership + row.originUnknown + row.ownershipUnknown,
		display: reachText,
		priority: 0,
		minWidth: 18,
		maxWidth: 30,
	},
	{key: 'next', label: 'Milestone', aliases: ['milestone'], value: row => row.next, priority: 1, minWidth: 10, maxWidth: 10},
	{
		key: 'class',
		label: 'Classes',
		aliases: ['classes', 'product', 'appliesto'],
		value: row => row.appliesTo,
		priority: 3,
		minWidth: 10,
		maxWidth: 30,
	},
	{
		key: 'country',
		label: 'Origin',
		aliases: ['countries', 'origin'],
		value: row => row.coveredCountries,
		priority: 4,
		minWidth: 6,
		maxWidth: 10,
	},
	{key: 'citation', label: 'Citation', aliases: ['fr', 'cite'], value: row => row.citation, priority: 5, minWidth: 8, maxWidth: 14},
	{key: 'authority', label: 'Authority', hidden: true, value: row => row.authority, priority: 9, minWidth: 0, maxWidth: 0},
	{key: 'instrument', label: 'Instrument', hidden: true, value: row => row.instrument, priority: 9, minWidth: 0, maxWidth: 0},
	verificationColumn(),
	{
		key: 'vendor',
		label: 'Named vendors',
		aliases: ['vendors', 'named'],
		hidden: true,
		value: row => row.namedVendors,
		priority: 9,
		minWidth: 0,
		maxWidth: 0,
	},
	{key: 'id', label: 'Id', hidden: true, value: row => row.id, priority: 9, minWidth: 0, maxWidth: 0},
];

export const ruleTable: TableSpec<RuleRow> = {name: 'Rules', columns, defaultSort: {column: 'reach', descending: true}};

const heading = (text: string): DetailLine => ({text, tone: 'heading'});
const dim = (text: string): DetailLine => ({text, tone: 'dim'});

/** The detail of one rule: the rule itself with its dates, status and evidence, then what it reaches in this run. */
export function ruleDetailSections(rule: ClassRule, asOf: string, exposure: Exposure): DetailSection[] {
	const status = ruleStatusOn(rule, asOf);
	const lines: DetailLine[] = [
		heading(`${rule.title}  (${rule.id})`),
		{text: `${rule.authority} (${rule.jurisdiction})`},
		{text: `instrument: ${rule.instrument}`},
		{text: `status on ${asOf}: ${statusLabel(status)}`, tone: status.status === 'unknown' ? 'warn' : undefined},
	];
	if (status.status === 'unknown' && rule.evidence) lines.push({text: `  why unknown: ${rule.evidence}`, tone: 'warn'});
	if (rule.scope) lines.push({text: `scope: ${rule.scope}`});
	lines.push({text: `applies to: ${rule.productClasses.join('; ')}`}, {text: `test: ${rule.originCondition}`});
	if (rule.coveredCountries.length) lines.push(dim(`countries: ${rule.coveredCountries.join(', ')}`));
	if (rule.namedVendors.length) lines.push(dim(`names: ${rule.namedVendors.join(', ')}`));
	if (rule.announced) lines.push(dim(`announced ${rule.announced}`));
	for (const milestone of rule.milestones)
		lines.push({text: `${milestone.date}  ${milestone.what}  (${milestone.date > asOf ? 'upcoming' : 'since'})`});
	for (const milestone of rule.modelYearMilestones) lines.push({text: `model year ${milestone.modelYear}  ${milestone.what}`});
	for (const suspension of rule.suspensions)
		lines.push({
			text: `suspended ${suspension.from} to ${suspension.until}: ${suspension.what}${suspension.source ? ` (${suspension.source})` : ''}`,
		});
	if (rule.endDate) lines.push({text: `ended ${rule.endDate}`});
	lines.push(...factLines(rule));
	const findings = exposure.findings.filter(finding => finding.rule.id === rule.id);
	return [{title: 'Rule', lines}, ...reachSections(findings)];
}

/** Citation, official URL, sources, verification and evidence: the lines every fact shows in a detail. */
export function factLines(fact: {
	federalRegister: ClassRule['federalRegister'];
	officialUrl: string | null;
	sources: readonly string[];
	verification: string;
	evidence: string | null;
}): DetailLine[] {
	const lines: DetailLine[] = [];
	const fr = fact.federalRegister;
	if (fr)
		lines.push({
			text: `citation: ${[fr.citation, fr.frDoc ? `FR Doc ${fr.frDoc}` : null, fr.published ? `published ${fr.published}` : null].filter(Boolean).join(', ')}`,
		});
	if (fact.officialUrl) lines.push({text: `official: ${fact.officialUrl}`});
	for (const source of fact.sources) lines.push(dim(`source: ${source}`));
	lines.push({text: `verification: ${fact.verification}`, tone: fact.verification === 'likely' ? 'warn' : undefined});
	if (fact.evidence) lines.push(dim(`evidence: ${fact.evidence}`));
	return lines;
}

/** A rule's findings grouped: assets reached, origin unknown, ownership, ownership unknown. */
function reachSections(findings: readonly ExposureFinding[]): DetailSection[] {
	const of = <K extends ExposureFinding['kind']>(kind: K) =>
		findings.filter((finding): finding is Extract<ExposureFinding, {kind: K}> => finding.kind === kind);
	const sections: DetailSection[] = [];
	const reached = of('class-rule');
	if (reached.length)
		sections.push({
			title: `Assets reached (${reached.length})`,
			lines: reached.flatMap(finding => [
				{text: `▪ ${assetText(finding)}`, tone: 'warn' as const},
				dim(`    ${finding.reason} · ${finding.asset.source}`),
				...(finding.modelYears
					? [
							dim(
								`    model years: ${finding.modelYears.applies.map(item => `MY${item.modelYear} applies`).join(', ') || 'none applies'}${finding.modelYears.notYet.length ? `; ${finding.modelYears.notYet.map(item => `MY${item.modelYear} not for this model year`).join(', ')}` : ''}${finding.modelYears.assetModelYear === null ? ' (model year unknown)' : ''}`,
							),
						]
					: []),
			]),
		});
	const unknown = of('origin-unknown');
	if (unknown.length)
		sections.push({
			title: `Origin unknown (${unknown.length})`,
			lines: unknown.map(finding => ({text: `▪ ${assetText(finding)} · ${finding.asset.source}`, tone: 'warn' as const})),
		});
	const owned = of('ownership');
	if (owned.length)
		sections.push({
			title: `Owned by listed parties (${owned.length})`,
			lines: owned.flatMap(finding => [
				{text: `▪ ${findingSummary(finding)}`, tone: 'warn' as const},
				...finding.chains.map(chain => dim(`    ${chainText(chain)}`)),
			]),
		});
	const ownersUnknown = of('ownership-unknown');
	if (ownersUnknown.length)
		sections.push({
			title: `Ownership unknown (${ownersUnknown.length})`,
			lines: ownersUnknown.map(finding => ({text: `▪ ${findingSummary(finding)}`, tone: 'warn' as const})),
		});
	return sections;
}

/** A vendor's findings as detail sections: "Product-class rules" and "Ownership", each finding with its rule's status and milestones. */
export function exposureSections(findings: readonly ExposureFinding[]): DetailSection[] {
	const sections: DetailSection[] = [];
	const products = findings.filter(finding => finding.kind === 'class-rule' || finding.kind === 'origin-unknown');
	if (products.length)
		sections.push({
			title: `Product-class rules (${products.length})`,
			lines: products.flatMap(finding => [
				{
					text: `▪ [${finding.rule.statusLabel}] ${finding.rule.title}${finding.kind === 'origin-unknown' ? '  — origin unknown' : ''}`,
					tone: 'warn' as const,
				},
				{text: `    ${findingSummary(finding)}`},
				...ruleDates(finding),
			]),
		});
	const ownership = findings.filter(finding => finding.kind === 'ownership' || finding.kind === 'ownership-unknown');
	if (ownership.length)
		sections.push({
			title: `Ownership (${ownership.length})`,
			lines: ownership.flatMap(finding => [
				{
					text: `▪ [${finding.rule.statusLabel}] ${finding.rule.title}${finding.kind === 'ownership-unknown' ? '  — ownership unknown (BIS red flag 29)' : ''}`,
					tone: 'warn' as const,
				},
				{text: `    ${findingSummary(finding)}`},
				...(finding.kind === 'ownership' ? finding.chains.map(chain => dim(`    ${chainText(chain)}`)) : []),
				...ruleDates(finding),
			]),
		});
	return sections;
}

function ruleDates(finding: ExposureFinding): DetailLine[] {
	const lines = finding.rule.milestones.map(milestone => dim(`    ${milestone.date}  ${milestone.what}`));
	if (finding.kind === 'class-rule' && finding.modelYears)
		lines.push(
			...[...finding.modelYears.applies, ...finding.modelYears.notYet].map(milestone =>
				dim(
					`    model year ${milestone.modelYear}  ${milestone.what}${finding.modelYears!.notYet.includes(milestone) ? '  (not for this model year)' : ''}`,
				),
			),
		);
	if (finding.rule.evidence) lines.push({text: `    why the status is unknown: ${finding.rule.evidence}`, tone: 'warn'});
	return lines;
}
