// Reference 1.1 in the embedded dataset: class rules, record keeping, whom a
// restriction applies to, the sources' as-of month, and the corrected records.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {datasetFromReference, referenceFile, sourcesAsOfFrom} from '../../source/build/generate-dataset.mjs';
import {
	buildCatalog,
	dataDates,
	embeddedDatasetName,
	loadEmbeddedRecords,
	longestRetention,
	restrictionStatusOn,
	severityLevels,
	severityOf,
	severityRank,
	type Restriction,
} from '../../source/records/index.js';
import {vendorRows} from '../../source/tables/index.js';

type Fact = {id: string; verified: string; date_announced?: string | null};
type Reference = {
	sources_as_of: string;
	vendors: Array<{id: string; restrictions: Fact[]}>;
	class_rules: Fact[];
	record_keeping: Array<Fact & {retention_years: number}>;
};
const reference = () => JSON.parse(readFileSync(referenceFile, 'utf8')) as Reference;
const records = loadEmbeddedRecords();
const catalog = buildCatalog([{name: embeddedDatasetName, document: records}]);
const shipped = (facts: Fact[]) => facts.filter(fact => fact.verified === 'confirmed' || fact.verified === 'likely').map(fact => fact.id);

describe('reference 1.1 in the embedded dataset', () => {
	it('carries every shippable class rule and record-keeping period', () => {
		expect(catalog.classRules.map(rule => rule.id)).toEqual(shipped(reference().class_rules));
		expect(catalog.recordKeeping.map(period => period.id)).toEqual(shipped(reference().record_keeping));
	});

	it('names only vendors the dataset has in its class rules', () => {
		for (const rule of catalog.classRules)
			for (const id of rule.namedVendors) expect(catalog.vendorById.has(id), `${rule.id}: ${id}`).toBe(true);
	});

	it('keeps model years as model years and suspensions as dated periods', () => {
		const vehicles = catalog.classRuleById.get('icts-connected-vehicles-2025')!;
		expect(vehicles.modelYearMilestones.map(milestone => milestone.modelYear)).toEqual([2027, 2030]);
		const affiliates = catalog.classRuleById.get('bis-affiliates-rule-2025')!;
		expect(affiliates.suspensions.map(({from, until}) => [from, until])).toEqual([['2025-11-10', '2026-11-09']]);
		expect(affiliates.statusNote).toBe('unknown');
	});

	it('takes the decision log retention from the longest record-keeping period', () => {
		const longest = Math.max(...reference().record_keeping.map(period => period.retention_years));
		expect(longestRetention(catalog)?.retentionYears).toBe(longest);
		expect(longestRetention(catalog)?.id).toBe('ofac-records-10-years');
	});
});

describe("the sources' as-of date", () => {
	it('reads the month the reference says its newest sources are from', () => {
		expect(
			sourcesAsOfFrom('Stored pages; the newest items seen are from June 2026 (a notice of 2026-06-22). Nothing after 2026-11-09.'),
		).toBe('2026-06');
		expect(records.sourcesAsOf).toBe(sourcesAsOfFrom(reference().sources_as_of));
	});

	it('leaves it out rather than guess when the reference does not say', () => {
		const facts = reference();
		facts.sources_as_of = 'Stored public web pages; nothing later was found after 2026-11-09.';
		expect(datasetFromReference(facts).sourcesAsOf).toBeUndefined();
	});

	it('is no earlier than any announcement in the data', () => {
		const end = `${records.sourcesAsOf}-31`;
		const announced = [...records.restrictions, ...(records.classRules ?? [])].map(fact => fact.announced).filter(Boolean) as string[];
		expect(announced.filter(date => date > end)).toEqual([]);
	});

	it('is shown with the compile date, never instead of it', () => {
		expect(dataDates(catalog)).toMatchObject({sourcesTo: records.sourcesAsOf, compiledOn: records.asOf});
		expect(dataDates(catalog).label).toBe(`sources to ${records.sourcesAsOf} · compiled ${records.asOf}`);
		expect(dataDates({dataAsOf: '2026-12-06', sourcesAsOf: null}).label).toBe('sources: date not stated · compiled 2026-12-06');
	});
});

describe('severity by whom a restriction applies to', () => {
	const kaspersky = catalog.restrictionsByVendor.get('kaspersky')!;
	const executives = kaspersky.find(restriction => restriction.id === 'kaspersky-ofac-execs-2024')!;

	it('marks only the records on persons, not companies, as such', () => {
		expect(records.restrictions.filter(restriction => restriction.target === 'persons').map(restriction => restriction.id)).toEqual([
			'kaspersky-ofac-execs-2024',
			'intellexa-ofac-delisting-reported',
		]);
	});

	it('shows a restriction on executives as "executives designated", last in the one list of severities', () => {
		expect(severityOf(executives).label).toBe('executives designated');
		expect(severityLevels.at(-1)!.label).toBe('executives designated');
		const companyLevel = records.restrictions.filter(restriction => restriction.target !== 'persons');
		for (const restriction of companyLevel) expect(severityRank(restriction)).toBeGreaterThan(severityRank(executives));
	});

	it("computes Kaspersky's severity from the company-level restrictions", () => {
		const row = vendorRows(catalog, '2026-12-06').find(item => item.id === 'kaspersky')!;
		const active = kaspersky.filter(
			restriction => restriction.target !== 'persons' && restrictionStatusOn(restriction, '2026-12-06').status === 'active',
		);
		expect(row.severity).toBe(Math.max(...active.map(severityRank)));
		expect(row.severestKind).toBe(severityOf(active.sort((a, b) => severityRank(b) - severityRank(a))[0]!).label);
		expect(row.severestKind).not.toBe('sanctions');
	});

	it('would rank Kaspersky under sanctions if OFAC had designated the company', () => {
		const asCompany: Restriction = {...executives, target: undefined};
		const document = {...records, restrictions: records.restrictions.map(item => (item.id === executives.id ? asCompany : item))};
		const row = vendorRows(buildCatalog([{name: 'what if', document}]), '2026-12-06').find(item => item.id === 'kaspersky')!;
		expect(row.severestKind).toBe('sanctions');
	});
});

describe('corrected records', () => {
	it("shows DJI's 2022 1260H listing as active on 2026-01-01, not upcoming", () => {
		const dji1260h = catalog.restrictionsByVendor.get('dji')!.filter(restriction => /1260H/.test(restriction.instrument));
		expect(dji1260h.length).toBeGreaterThan(0);
		for (const restriction of dji1260h) expect(restrictionStatusOn(restriction, '2026-01-01').status).toBe('active');
	});
});
