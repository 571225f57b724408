// The text of the detail screens, as pure functions of the data. A vendor's
// detail opens with what the reviewer came for: one summary line per
// restriction (status, instrument, who it applies to, next milestone), then
// hits and decisions, the notes, each restriction in full, and last the
// entities and aliases. Lines carry what `y` copies (URL, citation) and where
// Enter leads (a summary line to its restriction).
import {
	activeDesignations,
	dataDates,
	designationLabel,
	kindSeverity,
	restrictionStatusOn,
	restrictionStatuses,
	statusLabel,
	type Catalog,
	type Exposure,
	type ExposureFinding,
	type Restriction,
	type RestrictionStatus,
} from '../records/index.js';
import {
	exposureSections,
	restrictionEvidenceLines,
	ruleDetailSections,
	type DetailLine,
	type DetailSection,
	type EntryRow,
} from '../tables/index.js';
import {displayText} from '../text/index.js';
import type {PendingCountersign} from './app-data.js';

export type {DetailLine, DetailSection};

const heading = (text: string): DetailLine => ({text, tone: 'heading'});
const dim = (text: string): DetailLine => ({text, tone: 'dim'});
const blank: DetailLine = {text: ''};

const statusOrder: Record<RestrictionStatus, number> = {active: 0, suspended: 1, unknown: 2, upcoming: 3, proposed: 4, ended: 5};
/** Statuses a reviewer must heed today: in force, suspended (it comes back) and unknown (it may be in force). */
const standing: ReadonlySet<RestrictionStatus> = new Set(['active', 'suspended', 'unknown']);
const toneOf = (status: RestrictionStatus): DetailLine['tone'] => (standing.has(status) ? 'warn' : undefined);

/** In force (or suspended, or unknown) before upcoming and proposed before ended; the most severe first within each. */
function inReadingOrder(restrictions: readonly Restriction[], asOf: string): Restriction[] {
	const status = new Map(restrictions.map(restriction => [restriction, restrictionStatusOn(restriction, asOf).status]));
	return [...restrictions].sort(
		(a, b) => statusOrder[status.get(a)!] - statusOrder[status.get(b)!] || kindSeverity(b.kind) - kindSeverity(a.kind),
	);
}

function summaryLine(restriction: Restriction, asOf: string): DetailLine {
	const status = restrictionStatusOn(restriction, asOf);
	const likely = restriction.verification === 'likely' ? ' (likely)' : '';
	const who = restriction.appliesTo.length ? restriction.appliesTo.join('; ') : 'the vendor';
	const next = status.milestoneIsUpcoming && status.milestone ? `${status.milestone.date} ${status.milestone.what}` : '—';
	return {
		text: `▸ [${statusLabel(status)}] ${restriction.instrument}${likely} · applies to: ${who} · next: ${next}`,
		tone: toneOf(status.status),
		jumpTo: restriction.id,
	};
}

function citationOf(restriction: Restriction): string | null {
	const fr = restriction.federalRegister;
	if (!fr) return null;
	return [fr.citation, fr.frDoc ? `FR Doc ${fr.frDoc}` : null, fr.published ? `published ${fr.published}` : null]
		.filter(Boolean)
		.join(', ');
}

function restrictionLines(restriction: Restriction, asOf: string): DetailLine[] {
	const status = restrictionStatusOn(restriction, asOf);
	const likely = restriction.verification === 'likely' ? ' [likely: single or conflicting source]' : '';
	const lines: DetailLine[] = [
		{
			text: `▪ [${statusLabel(status)}] ${restriction.instrument}${likely}`,
			tone: toneOf(status.status),
			anchor: restriction.id,
		},
		{text: `    ${restriction.authority} (${restriction.jurisdiction})${restriction.program ? `, programme ${restriction.program}` : ''}`},
	];
	if (restriction.scope) lines.push({text: `    scope: ${restriction.scope}`});
	if (restriction.appliesTo.length) lines.push(dim(`    applies to: ${restriction.appliesTo.join('; ')}`));
	if (restriction.announced) lines.push(dim(`    announced ${restriction.announced}`));
	for (const milestone of [...restriction.milestones].sort((a, b) => (a.date < b.date ? -1 : 1))) {
		const when = milestone.date > asOf ? 'upcoming' : 'since';
		lines.push({text: `    ${milestone.date}  ${milestone.what}  (${when})`});
	}
	if (restriction.endDate) lines.push({text: `    ended ${restriction.endDate}`});
	if (restriction.statusNote && restriction.statusNote !== 'active') lines.push(dim(`    status note: ${restriction.statusNote}`));
	const citation = citationOf(restriction);
	if (citation) lines.push({text: `    citation: ${citation}`, copy: restriction.federalRegister?.citation ?? citation});
	if (restriction.officialUrl) lines.push({text: `    official: ${restriction.officialUrl}`, copy: restriction.officialUrl});
	for (const source of restriction.sources) lines.push({...dim(`    source: ${source}`), copy: source});
	// Whom it applies to when not the company, how well it was verified, and the evidence note.
	lines.push(...restrictionEvidenceLines(restriction));
	return lines;
}

export function vendorDetailLines(catalog: Catalog, vendorId: string, asOf: string, sections: DetailSection[] = []): DetailLine[] {
	const vendor = catalog.vendorById.get(vendorId);
	if (!vendor) return [{text: `No vendor with id ${vendorId}`, tone: 'warn'}];
	const designations = activeDesignations(catalog.jurisdictionByCode.get(vendor.hq), asOf).map(designationLabel);
	const restrictions = inReadingOrder(catalog.restrictionsByVendor.get(vendor.id) ?? [], asOf);
	const counts = restrictionStatuses
		.map(status => [status, restrictions.filter(restriction => restrictionStatusOn(restriction, asOf).status === status).length] as const)
		.filter(([, count]) => count > 0)
		.map(([status, count]) => `${count} ${status}`);
	const lines: DetailLine[] = [
		heading(`${vendor.name}  (${vendor.id})`),
		{
			text: `HQ ${vendor.hq}${designations.length ? `  designations: ${designations.join(', ')}` : ''}${vendor.parent ? `  parent: ${vendor.parent}` : ''}`,
		},
		dim(`record from: ${catalog.vendorSource.get(vendor.id) ?? 'unknown'} · data: ${dataDates(catalog).label}`),
	];
	if (vendor.categories.length) lines.push(dim(`products: ${vendor.categories.join('; ')}`));
	lines.push(blank, heading(`Summary: ${restrictions.length ? counts.join(', ') : 'no restrictions'}`));
	lines.push(...restrictions.map(restriction => summaryLine(restriction, asOf)));
	// Hits and decisions next: they are what the reviewer acts on.
	for (const section of sections) lines.push(blank, heading(section.title), ...section.lines);
	if (vendor.notes) lines.push(blank, heading('Notes'), {text: `  ${vendor.notes}`});
	if (restrictions.length) lines.push(blank, heading(`Restrictions (${restrictions.length})`));
	for (const restriction of restrictions) lines.push(...restrictionLines(restriction, asOf));
	lines.push(blank, heading('Entities'));
	for (const entity of vendor.entities) {
		// Shown as written: the original often carries its own «» quotes.
		const script = entity.originalScript ? `  / ${entity.originalScript}` : '';
		const likely = entity.verification === 'likely' ? '  [likely]' : '';
		lines.push({text: `  ${entity.name}${script}  ${entity.country ?? ''}${likely}`});
		if (entity.role) lines.push(dim(`    ${entity.role}`));
	}
	if (vendor.aliases.length) lines.push(blank, heading('Aliases'), {text: `  ${vendor.aliases.join(' · ')}`});
	return lines;
}

export function entryDetailLines(entry: EntryRow): DetailLine[] {
	const field = (label: string, value: string | null | undefined, copy = false): DetailLine[] =>
		value ? [{text: `${label.padEnd(10)} ${value}`, ...(copy ? {copy: value} : {})}] : [];
	return [
		heading(`${entry.name}  (${entry.id})`),
		...field('type', entry.type),
		...field('list', entry.list),
		...field('programs', entry.programs.join(', ')),
		...field('listed', entry.listedOn),
		...field('FR notice', entry.federalRegisterNotice, true),
		...field('countries', entry.countries.join(', ')),
		...field('source', entry.source),
		...(entry.remarks ? [blank, heading('Remarks'), {text: `  ${entry.remarks}`}] : []),
		...(entry.aliases.length ? [blank, heading('Aliases'), ...entry.aliases.map(alias => ({text: `  ${alias}`}))] : []),
		...(entry.addresses.length ? [blank, heading('Addresses'), ...entry.addresses.map(address => ({text: `  ${address}`}))] : []),
		...(entry.identifiers.length ? [blank, heading('Identifiers'), ...entry.identifiers.map(id => ({text: `  ${id}`}))] : []),
		...(entry.sourceUrls.length ? [blank, heading('Source URLs'), ...entry.sourceUrls.map(url => ({...dim(`  ${url}`), copy: url}))] : []),
	];
}

/** Inventory and asset text (vendors, products, owners, categories) shown inert. */
const inert = (sections: DetailSection[]): DetailSection[] =>
	sections.map(section => ({...section, lines: section.lines.map(line => ({...line, text: displayText(line.text)}))}));

/** A vendor's class-rule and ownership findings: "Product-class rules" and "Ownership". */
export const findingSections = (findings: readonly ExposureFinding[]): DetailSection[] => inert(exposureSections(findings));

/** A decision waiting for a second reviewer: the key that countersigns it, or why this reviewer may not. */
export function countersignSections(pending: PendingCountersign | null): DetailSection[] {
	if (!pending) return [];
	const what = `${pending.outcome} by ${pending.decidedBy} (decision #${pending.seq})`;
	const line: DetailLine = pending.problem
		? {text: `  waiting for a second reviewer: ${what}; not you: ${pending.problem}`, tone: 'dim'}
		: {text: `  o signs off (countersigns) ${what}`, tone: 'warn'};
	return [{title: 'Countersign', lines: [line]}];
}

const linkOf = (text: string) => /^(?:official|source): (.+)$/.exec(text)?.[1];

/** A class rule's detail: the rule with its dates, status, evidence and sources, then the assets and vendors it reaches. */
export function ruleDetailLines(catalog: Catalog, ruleId: string, asOf: string, exposure: Exposure): DetailLine[] {
	const rule = catalog.classRuleById.get(ruleId);
	if (!rule) return [{text: `No rule with id ${ruleId}`, tone: 'warn'}];
	const [first, ...rest] = inert(ruleDetailSections(rule, asOf, exposure));
	// The rule's own section starts with its title; the sections after it get headings.
	const lines: DetailLine[] = [...(first?.lines ?? [])];
	for (const section of rest) lines.push(blank, heading(section.title), ...section.lines);
	if (rest.length === 0) lines.push(blank, dim('Reaches nothing in this run (no asset, vendor or owner it applies to).'));
	// URLs and sources are what `y` copies on their lines.
	return lines.map(line => {
		const link = linkOf(line.text);
		return link ? {...line, copy: link} : line;
	});
}
