#!/usr/bin/env node
// Rebuilds dataset.json (the embedded records) from the repository's copy of the
// team's verified reference facts: `node source/build/generate-dataset.mjs`
// (or with another reference file as its argument). Ships "confirmed" and
// "likely" facts, leaves "unverified" out, invents nothing.
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

export const referenceFile = fileURLToPath(new URL('../records/reference/restriction-facts.json', import.meta.url));
export const datasetFile = fileURLToPath(new URL('../records/dataset.json', import.meta.url));

const shippable = fact => fact.verified === 'confirmed' || fact.verified === 'likely';
const citation = fr =>
	fr && (fr.citation || fr.fr_doc) ? {citation: fr.citation ?? null, frDoc: fr.fr_doc ?? null, published: fr.published ?? null} : null;

// The first rule that matches the instrument wins (CMIC before SDN: "Non-SDN CMIC" is no SDN listing).
// Severity order lives in schema.ts (restrictionKinds).
const kindRules = [
	['investment', /CMIC/i],
	['sanctions', /OFAC|SDN/i],
	['prohibition', /ICTS|PAFACA|E\.O\. 139|Order under Part IV|No TikTok|Public-law agreements|Denial Order|denial order/i],
	['export-control', /Entity List|Export/i],
	['telecom', /FCC|Section 214|USF/i],
	['procurement', /NDAA|889|1634|1260H|BOD|Directive/i],
	['advisory', /warning|high-risk/i],
];
const kindOf = instrument => (kindRules.find(([, pattern]) => pattern.test(instrument)) ?? ['advisory'])[0];
const dateOnly = value => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);
const milestonesOf = fact => fact.effective_dates.filter(milestone => dateOnly(milestone.date)).map(({date, what}) => ({date, what}));
const suspensionsOf = fact => (fact.suspensions ?? []).map(({from, until, what, source}) => ({from, until, what, source: source ?? null}));

// The reference has no field for whom a restriction applies to, so its words are read:
// persons only when applies_to names executives "not the companies", or when the scope
// speaks of individuals and no applies_to item carries a company's legal form.
const legalForm = /\b(Ltd|Limited|Inc|Corp|Corporation|Co\.|Company|S\.A\.|AG|GmbH|LLC|AO|OOO|PJSC|ZRT|AD|Group|Holdings?)\b/i;
const appliesToPersonsOnly = restriction =>
	restriction.applies_to.length > 0 &&
	(restriction.applies_to.every(item => /\b(executives?|leaders?|officers?)\b/i.test(item) && /\bnot the compan/i.test(item)) ||
		(/\bindividuals\b/i.test(restriction.scope) && !restriction.applies_to.some(item => legalForm.test(item))));

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/**
 * The month the newest sources are from, as the reference states it in words
 * ("the newest items seen are from June 2026" gives 2026-06); undefined when it
 * does not say so, rather than a guess (the prose also names later days that are
 * not sources, such as the end of a suspension).
 */
export function sourcesAsOfFrom(text) {
	const match = /newest items seen are from (\w+) (\d{4})/i.exec(text ?? '');
	const month = match ? months.indexOf(match[1].toLowerCase()) : -1;
	return month === -1 ? undefined : `${match[2]}-${String(month + 1).padStart(2, '0')}`;
}

/** The records document (schemaVersion 1) for a parsed reference file (schema 1.0 or 1.1). */
export function datasetFromReference(reference) {
	const vendors = [];
	const restrictions = [];
	for (const vendor of reference.vendors) {
		vendors.push({
			id: vendor.id,
			name: vendor.display_name,
			entities: vendor.legal_entities.filter(shippable).map(entity => ({
				name: entity.name,
				originalScript: entity.original_script ?? null,
				country: entity.country ?? null,
				role: entity.role ?? null,
				verification: entity.verified,
			})),
			aliases: vendor.aliases,
			hq: vendor.headquarters_country,
			parent: vendor.parent_verified && shippable({verified: vendor.parent_verified}) ? vendor.parent_company : null,
			categories: vendor.product_categories,
			notes: vendor.notes ?? null,
		});
		for (const restriction of vendor.restrictions.filter(shippable)) {
			restrictions.push({
				id: restriction.id,
				vendorId: vendor.id,
				authority: restriction.authority,
				jurisdiction: restriction.jurisdiction,
				instrument: restriction.instrument,
				kind: kindOf(restriction.instrument),
				// Only when it is not the company, and suspensions only when there are any, so
				// unchanged records keep their decision fingerprints.
				...(appliesToPersonsOnly(restriction) ? {target: 'persons'} : {}),
				program: restriction.program ?? null,
				appliesTo: restriction.applies_to,
				announced: restriction.date_announced ?? null,
				milestones: milestonesOf(restriction),
				...(suspensionsOf(restriction).length ? {suspensions: suspensionsOf(restriction)} : {}),
				endDate: dateOnly(restriction.end_date),
				statusNote: restriction.status,
				scope: restriction.scope,
				federalRegister: citation(restriction.federal_register),
				officialUrl: restriction.official_url ?? null,
				sources: restriction.sources,
				verification: restriction.verified,
				evidence: restriction.evidence ?? null,
			});
		}
	}

	const jurisdictions = reference.jurisdictions.map(jurisdiction => ({
		code: jurisdiction.code,
		name: jurisdiction.name,
		note: jurisdiction.note ?? null,
		designations: jurisdiction.designations.filter(shippable).map(designation => ({
			list: designation.list,
			authority: designation.authority,
			instrument: designation.instrument,
			statusNote: designation.status,
			since: designation.since ?? null,
			until: designation.until ?? null,
			scope: designation.scope,
			federalRegister: citation(designation.federal_register),
			sources: designation.sources,
			verification: designation.verified,
		})),
	}));

	const classRules = (reference.class_rules ?? []).filter(shippable).map(rule => ({
		id: rule.id,
		authority: rule.authority,
		jurisdiction: rule.jurisdiction,
		instrument: rule.instrument,
		title: rule.title,
		productClasses: rule.product_classes,
		originCondition: rule.origin_condition,
		coveredCountries: rule.covered_countries,
		namedVendors: rule.named_vendors,
		announced: rule.date_announced ?? null,
		milestones: milestonesOf(rule),
		modelYearMilestones: (rule.model_year_milestones ?? []).map(({model_year, what}) => ({modelYear: model_year, what})),
		suspensions: suspensionsOf(rule),
		endDate: dateOnly(rule.end_date),
		statusNote: rule.status,
		scope: rule.scope,
		federalRegister: citation(rule.federal_register),
		officialUrl: rule.official_url ?? null,
		sources: rule.sources,
		verification: rule.verified,
		evidence: rule.evidence ?? null,
	}));

	const recordKeeping = (reference.record_keeping ?? []).filter(shippable).map(period => ({
		id: period.id,
		authority: period.authority,
		jurisdiction: period.jurisdiction,
		regime: period.regime,
		citation: period.citation,
		retentionYears: period.retention_years,
		startsFrom: period.starts_from,
		legalBasis: period.legal_basis ?? null,
		milestones: milestonesOf(period),
		federalRegister: citation(period.federal_register),
		officialUrl: period.official_url ?? null,
		sources: period.sources,
		verification: period.verified,
		evidence: period.evidence ?? null,
	}));

	const sourcesAsOf = sourcesAsOfFrom(reference.sources_as_of);
	return {
		schemaVersion: 1,
		title: reference.title,
		asOf: reference.compiled_on,
		...(sourcesAsOf ? {sourcesAsOf} : {}),
		disclaimer: reference.disclaimer,
		vendors,
		jurisdictions,
		restrictions,
		classRules,
		recordKeeping,
	};
}

/** The file's exact text, so a test can prove the committed dataset is what the reference gives. */
export const datasetText = document => JSON.stringify(document, null, '\t') + '\n';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const reference = JSON.parse(readFileSync(process.argv[2] ?? referenceFile, 'utf8'));
	const document = datasetFromReference(reference);
	writeFileSync(datasetFile, datasetText(document));
	console.log(
		`wrote ${datasetFile}: ${document.vendors.length} vendors, ${document.restrictions.length} restrictions, ${document.jurisdictions.length} jurisdictions, ${document.classRules.length} class rules, ${document.recordKeeping.length} record-keeping periods, sources to ${document.sourcesAsOf ?? '(not stated)'}`,
	);
}
