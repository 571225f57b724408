import {describe, expect, it} from 'vitest';
import {categoryClassifier, categoryVocabulary, ruleTestOf} from '../../source/exposure/index.js';
import type {ClassRuleFinding, ExposureFinding} from '../../source/records/index.js';
import {curated, exposureOf} from './helpers.js';

const onRule = (findings: ExposureFinding[], ruleId: string) => findings.filter(finding => finding.rule.id === ruleId);
const routerRule = curated.classRuleById.get('fcc-covered-foreign-routers-2026')!;
const droneRule = 'fcc-covered-foreign-uas-2025';
const header = 'vendor,product,category,country_of_origin,components,model_year,quantity\n';

describe('class rules applied to assets', () => {
	it('raises the router rule for a foreign-made consumer router, with both of its milestones', () => {
		const {findings} = exposureOf({assets: `${header}Netgear,RAX50,wifi router,TW,,,40\n`, asOf: '2026-12-06'});
		const [finding] = onRule(findings, routerRule.id) as ClassRuleFinding[];
		expect(finding).toMatchObject({kind: 'class-rule', vendor: 'Netgear', reason: expect.stringContaining('TW')});
		expect(finding!.rule.milestones.map(milestone => milestone.date)).toEqual(routerRule.milestones.map(milestone => milestone.date));
		expect(finding!.rule.milestones).toHaveLength(2);
		expect(finding!.from).toBe(routerRule.milestones[0]!.date);
		expect(finding!.asset).toMatchObject({
			product: 'RAX50',
			quantity: 40,
			productClass: 'consumer-grade routers',
			source: 'assets.csv line 2',
		});
	});

	it('leaves a US-made router alone and says nothing of an enterprise router', () => {
		const {findings, unknownCategories} = exposureOf({
			assets: `${header}Acme Networks,R1,SOHO router,US,,,\nAcme Networks,Core 9,enterprise router,CN,,,\n`,
			asOf: '2026-12-06',
		});
		expect(onRule(findings, routerRule.id)).toEqual([]);
		expect(unknownCategories).toEqual([]);
	});

	it('raises "origin unknown" for a drone without a country of origin, never a silent pass', () => {
		const {findings} = exposureOf({assets: `${header}Skyward Aero,Scout,quadcopter,,,,3\n`, asOf: '2026-12-06'});
		const unknown = onRule(findings, droneRule);
		expect(unknown).toHaveLength(1);
		expect(unknown[0]).toMatchObject({kind: 'origin-unknown', reason: expect.stringContaining('no country of origin')});
	});

	it('raises the drone rule for any drone of a vendor the rule names, wherever it is made', () => {
		const {findings} = exposureOf({assets: `${header}DJI,Mavic 3,UAV,US,,,1\n`, asOf: '2026-12-06'});
		expect(onRule(findings, droneRule)).toMatchObject([{kind: 'class-rule', reason: 'named in the rule: DJI'}]);
	});

	it("reads an inventory vendor's joins from its screening: a join the reviewer dismissed names no vendor", () => {
		const inventory = 'Vendor,Products,Product Category,Made in\nSZ DJI Technology,Mavic 3,UAV,US\n';
		const byName = exposureOf({inventory, asOf: '2026-12-06'});
		const vendorId = byName.vendors[0]!.id;
		expect(onRule(byName.findings, droneRule)).toMatchObject([{reason: 'named in the rule: DJI'}]);
		const joined = exposureOf({inventory, joins: new Map([[vendorId, ['dji']]]), asOf: '2026-12-06'});
		expect(onRule(joined.findings, droneRule)).toMatchObject([{reason: 'named in the rule: DJI'}]);
		const dismissed = exposureOf({inventory, joins: new Map([[vendorId, []]]), asOf: '2026-12-06'});
		expect(onRule(dismissed.findings, droneRule)).toEqual([]);
	});

	it('applies model-year milestones by the asset model year', () => {
		const rule = curated.classRuleById.get('icts-connected-vehicles-2025')!;
		const years = rule.modelYearMilestones.map(milestone => milestone.modelYear).sort();
		const between = years[0]! + 1;
		const {findings} = exposureOf({
			assets: `${header}Great Wall Motor,Ora,connected car,CN,,${between},2\nGreat Wall Motor,Old,car,CN,,${years[0]! - 2},1\nGreat Wall Motor,Unknown year,car,CN,,,1\n`,
			asOf: '2026-12-06',
		});
		const byProduct = new Map((onRule(findings, rule.id) as ClassRuleFinding[]).map(finding => [finding.asset.product, finding]));
		expect(byProduct.get('Ora')!.modelYears).toMatchObject({
			assetModelYear: between,
			applies: [{modelYear: years[0]}],
			notYet: [{modelYear: years[1]}],
		});
		expect(byProduct.has('Old')).toBe(false);
		expect(byProduct.get('Unknown year')!.modelYears!.applies.map(milestone => milestone.modelYear)).toEqual(years);
	});

	it('raises FCC 25-71 for a device with a radio module by a Covered List vendor', () => {
		const {findings} = exposureOf({
			assets: `${header}Acme Meters,SmartMeter 2,smart meter,DE,Huawei ME909s-120; Acme board,,10\n`,
			asOf: '2026-12-06',
		});
		expect(onRule(findings, 'fcc-25-71-modular-transmitters')).toMatchObject([
			{kind: 'class-rule', reason: expect.stringContaining('"Huawei ME909s-120"')},
		]);
	});

	it('lists categories it does not know, with a hint for vague ones, instead of guessing', () => {
		const {unknownCategories, findings} = exposureOf({
			assets: `${header}Acme,Toaster,smart toaster,CN,,,\nAcme,Toaster 2,smart toaster,CN,,,\nAcme,Box,router,CN,,,\n`,
			asOf: '2026-12-06',
		});
		expect(findings).toEqual([]);
		expect(unknownCategories).toEqual([
			{category: 'smart toaster', count: 2, where: ['assets.csv line 2', 'assets.csv line 3'], hint: null},
			{category: 'router', count: 1, where: ['assets.csv line 4'], hint: expect.stringContaining('SOHO router')},
		]);
	});

	it('reads product lines from the inventory itself, several rows for one vendor', () => {
		const {findings, vendors} = exposureOf({
			inventory: 'Vendor,Products,Product Category,Made in\nNetgear,Orbi,mesh wifi,VN\nNetgear,Nighthawk,SOHO router,TW\n',
			asOf: '2026-12-06',
		});
		expect(vendors).toHaveLength(1);
		expect(onRule(findings, routerRule.id).map(finding => finding.vendorId)).toEqual([vendors[0]!.id, vendors[0]!.id]);
	});

	it('judges the rule on the day: before the router rule it is upcoming', () => {
		const {findings} = exposureOf({assets: `${header}Netgear,RAX50,wifi router,TW,,,\n`, asOf: '2026-01-01'});
		expect(onRule(findings, routerRule.id)[0]!.rule.status).toBe('upcoming');
	});
});

describe('the category vocabulary', () => {
	const classify = categoryClassifier(curated.classRules);
	it.each([
		['wifi router', 'consumer-grade routers'],
		['Wi-Fi Routers', 'consumer-grade routers'],
		['SOHO router', 'consumer-grade routers'],
		['UAV', 'uncrewed aircraft systems (drones)'],
		['quadcopter', 'uncrewed aircraft systems (drones)'],
		['Drones', 'uncrewed aircraft systems (drones)'],
		['cellular module', 'modular transmitters / radio modules'],
	])('reads "%s" as %s', (category, productClass) => {
		expect(classify(category)).toEqual({kind: 'class', productClass});
	});

	it('names only product classes that a class rule has, so every synonym can raise a finding', () => {
		const ruleClasses = new Set(curated.classRules.flatMap(rule => rule.productClasses));
		for (const entry of categoryVocabulary) expect(ruleClasses, entry.productClass).toContain(entry.productClass);
	});

	it('gives every product rule a test read from its fields', () => {
		expect(Object.fromEntries(curated.classRules.map(rule => [rule.id, ruleTestOf(rule)]))).toMatchObject({
			[droneRule]: 'produced-abroad',
			[routerRule.id]: 'produced-abroad',
			'fcc-25-71-modular-transmitters': 'covered-module',
			'icts-connected-vehicles-2025': 'country-nexus',
			'bis-affiliates-rule-2025': 'ownership',
			'ofac-50-percent-rule': 'ownership',
		});
	});
});
