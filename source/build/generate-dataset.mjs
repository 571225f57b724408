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

/** The records document (schemaVersion 1) for a parsed reference file. */
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
				program: restriction.program ?? null,
				appliesTo: restriction.applies_to,
				announced: restriction.date_announced ?? null,
				milestones: restriction.effective_dates.filter(milestone => dateOnly(milestone.date)).map(({date, what}) => ({date, what})),
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

	return {
		schemaVersion: 1,
		title: reference.title,
		asOf: reference.compiled_on,
		disclaimer: reference.disclaimer,
		vendors,
		jurisdictions,
		restrictions,
	};
}

/** The file's exact text, so a test can prove the committed dataset is what the reference gives. */
export const datasetText = document => JSON.stringify(document, null, '\t') + '\n';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const reference = JSON.parse(readFileSync(process.argv[2] ?? referenceFile, 'utf8'));
	const document = datasetFromReference(reference);
	writeFileSync(datasetFile, datasetText(document));
	console.log(
		`wrote ${datasetFile}: ${document.vendors.length} vendors, ${document.restrictions.length} restrictions, ${document.jurisdictions.length} jurisdictions`,
	);
}
