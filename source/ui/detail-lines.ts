// The text of the detail screens, as pure functions of the data.
import {activeDesignations, designationLabel, restrictionStatusOn, type Catalog} from '../records/index.js';
import type {DetailLine, DetailSection, EntryRow} from '../tables/index.js';

export type {DetailLine, DetailSection};

const heading = (text: string): DetailLine => ({text, tone: 'heading'});
const dim = (text: string): DetailLine => ({text, tone: 'dim'});
const blank: DetailLine = {text: ''};

export function vendorDetailLines(catalog: Catalog, vendorId: string, asOf: string, sections: DetailSection[] = []): DetailLine[] {
	const vendor = catalog.vendorById.get(vendorId);
	if (!vendor) return [{text: `No vendor with id ${vendorId}`, tone: 'warn'}];
	const lines: DetailLine[] = [];
	const designations = activeDesignations(catalog.jurisdictionByCode.get(vendor.hq), asOf).map(designationLabel);
	lines.push(heading(`${vendor.name}  (${vendor.id})`));
	lines.push({
		text: `HQ ${vendor.hq}${designations.length ? `  designations: ${designations.join(', ')}` : ''}${vendor.parent ? `  parent: ${vendor.parent}` : ''}`,
	});
	lines.push(dim(`record from: ${catalog.vendorSource.get(vendor.id) ?? 'unknown'}`));
	if (vendor.categories.length) lines.push(dim(`products: ${vendor.categories.join('; ')}`));
	lines.push(blank, heading('Entities'));
	for (const entity of vendor.entities) {
		// Shown as written: the original often carries its own «» quotes.
		const script = entity.originalScript ? `  / ${entity.originalScript}` : '';
		const likely = entity.verification === 'likely' ? '  [likely]' : '';
		lines.push({text: `  ${entity.name}${script}  ${entity.country ?? ''}${likely}`});
		if (entity.role) lines.push(dim(`    ${entity.role}`));
	}
	if (vendor.aliases.length) lines.push(blank, heading('Aliases'), {text: `  ${vendor.aliases.join(' · ')}`});
	// Hits and decisions come before the restrictions: they are what the reviewer acts on.
	for (const section of sections) lines.push(blank, heading(section.title), ...section.lines);
	const restrictions = catalog.restrictionsByVendor.get(vendor.id) ?? [];
	lines.push(blank, heading(`Restrictions (${restrictions.length})`));
	for (const restriction of restrictions) {
		const status = restrictionStatusOn(restriction, asOf);
		const likely = restriction.verification === 'likely' ? ' [likely: single or conflicting source]' : '';
		lines.push({text: `▪ [${status.status}] ${restriction.instrument}${likely}`, tone: status.status === 'active' ? 'warn' : undefined});
		lines.push({
			text: `    ${restriction.authority} (${restriction.jurisdiction})${restriction.program ? `, programme ${restriction.program}` : ''}`,
		});
		if (restriction.scope) lines.push({text: `    scope: ${restriction.scope}`});
		if (restriction.appliesTo.length) lines.push(dim(`    applies to: ${restriction.appliesTo.join('; ')}`));
		if (restriction.announced) lines.push(dim(`    announced ${restriction.announced}`));
		for (const milestone of [...restriction.milestones].sort((a, b) => (a.date < b.date ? -1 : 1))) {
			const when = milestone.date > asOf ? 'upcoming' : 'since';
			lines.push({text: `    ${milestone.date}  ${milestone.what}  (${when})`});
		}
		if (restriction.endDate) lines.push({text: `    ended ${restriction.endDate}`});
		if (restriction.statusNote && restriction.statusNote !== 'active') lines.push(dim(`    status note: ${restriction.statusNote}`));
		const fr = restriction.federalRegister;
		if (fr)
			lines.push({
				text: `    citation: ${[fr.citation, fr.frDoc ? `FR Doc ${fr.frDoc}` : null, fr.published ? `published ${fr.published}` : null].filter(Boolean).join(', ')}`,
			});
		if (restriction.officialUrl) lines.push({text: `    official: ${restriction.officialUrl}`});
		for (const source of restriction.sources) lines.push(dim(`    source: ${source}`));
	}
	if (vendor.notes) lines.push(blank, heading('Notes'), {text: `  ${vendor.notes}`});
	return lines;
}

export function entryDetailLines(entry: EntryRow): DetailLine[] {
	const field = (label: string, value: string | null | undefined) => (value ? [{text: `${label.padEnd(10)} ${value}`}] : []);
	return [
		heading(`${entry.name}  (${entry.id})`),
		...field('type', entry.type),
		...field('list', entry.list),
		...field('programs', entry.programs.join(', ')),
		...field('listed', entry.listedOn),
		...field('FR notice', entry.federalRegisterNotice),
		...field('countries', entry.countries.join(', ')),
		...field('source', entry.source),
		...(entry.aliases.length ? [blank, heading('Aliases'), ...entry.aliases.map(alias => ({text: `  ${alias}`}))] : []),
		...(entry.addresses.length ? [blank, heading('Addresses'), ...entry.addresses.map(address => ({text: `  ${address}`}))] : []),
		...(entry.identifiers.length ? [blank, heading('Identifiers'), ...entry.identifiers.map(id => ({text: `  ${id}`}))] : []),
		...(entry.remarks ? [blank, heading('Remarks'), {text: `  ${entry.remarks}`}] : []),
		...(entry.sourceUrls.length ? [blank, heading('Source URLs'), ...entry.sourceUrls.map(url => dim(`  ${url}`))] : []),
	];
}
