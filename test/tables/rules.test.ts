import {describe, expect, it} from 'vitest';
import {
	exposureCounts,
	exposureSections,
	findingsByVendor,
	restrictionEvidenceLines,
	restrictionRows,
	ruleDetailSections,
	ruleRows,
	vendorRows,
} from '../../source/tables/index.js';
import {buildCatalog} from '../../source/records/index.js';
import {parseInventory} from '../../source/screening/index.js';
import {curated, exposureOf} from '../exposure/helpers.js';

const assets =
	'vendor,product,category,country_of_origin,components,model_year,quantity\nNetgear,RAX50,wifi router,TW,,,40\nNetgear,R7000,SOHO router,CN,,,\nSkyward Aero,Scout,quadcopter,,,,3\n';
const inventory = 'Vendor,Country,Owners\nNetgear,US,\nSecureSoft Distribution,AM,AO Kaspersky Lab:60%\n';
const text = (sections: ReturnType<typeof exposureSections>) =>
	sections.flatMap(section => [section.title, ...section.lines.map(line => line.text)]).join('\n');

describe('rows of the rules view', () => {
	const exposure = exposureOf({inventory, assets, asOf: '2026-12-06'});
	const rows = ruleRows(curated, '2026-12-06', exposure);
	const row = (id: string) => rows.find(item => item.id === id)!;

	it('lists every class rule with what it reaches in this run', () => {
		expect(rows.map(item => item.id)).toEqual(curated.classRules.map(rule => rule.id));
		expect(row('fcc-covered-foreign-routers-2026')).toMatchObject({assets: 2, units: 41, vendors: 1, status: 'active'});
		expect(row('fcc-covered-foreign-uas-2025')).toMatchObject({assets: 0, originUnknown: 1});
		expect(row('bis-affiliates-rule-2025')).toMatchObject({ownership: 1, status: 'unknown', statusLabel: 'unknown after 2026-11-09'});
	});

	it('carries what list rules --json promises: sources, official URL, applies-to, announced, verification, evidence', () => {
		for (const item of rows) {
			expect(item.sources.length).toBeGreaterThan(0);
			expect(item.appliesTo.length).toBeGreaterThan(0);
			expect(item).toHaveProperty('officialUrl');
			expect(item.announced).not.toBeNull();
			expect(['confirmed', 'likely']).toContain(item.verification);
			expect(item.evidence).toBeTruthy();
		}
	});

	it('details a rule with its status, its evidence when unknown, and what it reaches', () => {
		const sections = ruleDetailSections(curated.classRuleById.get('bis-affiliates-rule-2025')!, '2026-12-06', exposure);
		const shown = text(sections);
		expect(shown).toContain('status on 2026-12-06: unknown after 2026-11-09');
		expect(shown).toContain('why unknown:');
		expect(shown).toContain('suspended 2025-11-10 to 2026-11-09');
		expect(shown).toContain('AO Kaspersky Lab [Entity List] → 60% → SecureSoft Distribution');
		expect(shown).toContain('verification: confirmed');
	});
});

describe('exposure in the vendor detail, the queue and the dashboard', () => {
	const exposure = exposureOf({inventory, assets, asOf: '2026-12-06'});
	const vendors = parseInventory(inventory, 'inventory.csv').vendors;
	const byVendor = findingsByVendor(exposure);

	it('gives the vendor detail a section per kind of rule, with statuses and milestones', () => {
		const netgear = text(exposureSections(byVendor.get('netgear')!));
		expect(netgear).toContain('Product-class rules (2)');
		expect(netgear).toContain('[active] Foreign-produced consumer-grade routers');
		expect(netgear).toContain('2027-03-01');
		const secure = text(exposureSections(byVendor.get('securesoft-distribution')!));
		expect(secure).toContain('Ownership (1)');
		expect(secure).toContain('why the status is unknown');
	});

	it('says why a vendor is in the queue', () => {
		const catalog = buildCatalog([
			{
				name: 'inventory',
				document: {
					schemaVersion: 1,
					asOf: '2026-12-06',
					vendors: vendors.map(vendor => ({
						id: vendor.id,
						name: vendor.name,
						aliases: [],
						hq: vendor.country ?? 'US',
						entities: [],
						parent: null,
						categories: [],
						notes: null,
					})),
					jurisdictions: [],
					restrictions: [],
				},
			},
		]);
		const rows = vendorRows(
			catalog,
			'2026-12-06',
			() => null,
			() => null,
			id => byVendor.get(id) ?? [],
		);
		const netgear = rows.find(row => row.id === 'netgear')!;
		expect(netgear.queue).toBe(true);
		expect(netgear.queueReasons).toEqual([
			'no decision',
			'class rule: Foreign-produced consumer-grade routers added to the FCC Covered List [active] (2 assets)',
		]);
		expect(rows.find(row => row.id === 'securesoft-distribution')!.severestKind).toBe('export-control');
	});

	it('counts findings by kind and by rule for the dashboard', () => {
		const counts = exposureCounts(exposure);
		expect(counts.byKind).toEqual([
			{label: 'class rule', value: 2},
			{label: 'origin unknown', value: 2},
			{label: 'ownership', value: 1},
			{label: 'ownership unknown', value: 0},
		]);
		expect(counts.vendors).toBe(3);
		expect(counts.assetsChecked).toBe(3);
	});
});

describe('restriction rows and detail', () => {
	const rows = restrictionRows(curated, '2026-12-06');

	it('give every restriction a source a JSON user can follow, official URL or not', () => {
		const withoutUrl = rows.filter(row => row.officialUrl === null);
		expect(withoutUrl.length).toBeGreaterThan(0);
		for (const row of withoutUrl) expect(row.sources.length, row.id).toBeGreaterThan(0);
		for (const row of rows)
			expect(Object.keys(row)).toEqual(expect.arrayContaining(['appliesTo', 'announced', 'sources', 'evidence', 'verification']));
	});

	it('show whom a restriction applies to, its verification and its evidence', () => {
		const executives = curated.restrictionsByVendor.get('kaspersky')!.find(item => item.target === 'persons')!;
		const lines = restrictionEvidenceLines(executives).map(line => line.text);
		expect(lines[0]).toContain('executives designated');
		expect(lines).toContain('    verification: confirmed');
		expect(lines.at(-1)).toContain('evidence:');
	});
});
