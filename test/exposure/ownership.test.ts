import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ownershipBy, type OwnershipNode} from '../../source/exposure/index.js';
import type {ExposureFinding, OwnershipFinding, ScreeningEntity} from '../../source/records/index.js';
import {parseListFile} from '../../source/sources/index.js';
import {repositoryRoot} from '../helpers.js';
import {exposureOf, writeTemporary} from './helpers.js';

const party = (name: string, listed: boolean, owners: OwnershipNode['owners'] = []): OwnershipNode => ({
	key: name,
	name,
	listed: listed ? [{list: 'sdn', source: 'test'}] : [],
	owners,
});

describe('aggregate ownership through chains (OFAC FAQ 401)', () => {
	it('adds the stakes of different listed owners', () => {
		const result = ownershipBy(
			party('Supplier', false, [
				{node: party('X', true), percent: 30},
				{node: party('Y', true), percent: 25},
			]),
			'sdn',
		);
		expect(result.aggregatePercent).toBe(55);
		expect(result.chains.map(chain => chain.listed.name)).toEqual(['X', 'Y']);
	});

	it('counts in full the stake of an entity that listed parties own 50% or more (example 1)', () => {
		const a = party('A', false, [{node: party('X', true), percent: 50}]);
		const result = ownershipBy(party('B', false, [{node: a, percent: 50}]), 'sdn');
		expect(result.aggregatePercent).toBe(50);
		expect(result.chains).toEqual([
			{
				listed: {name: 'X', list: 'sdn', source: 'test'},
				steps: [
					{owner: 'X', owned: 'A', percent: 50},
					{owner: 'A', owned: 'B', percent: 50},
				],
				counted: 50,
				share: 25,
			},
		]);
	});

	it('sums indirect stakes through two blocked entities (example 2), multiplying each chain for its share', () => {
		const x = party('X', true);
		const a = party('A', false, [{node: x, percent: 50}]);
		const b = party('B', false, [{node: x, percent: 50}]);
		const result = ownershipBy(
			party('C', false, [
				{node: a, percent: 25},
				{node: b, percent: 25},
			]),
			'sdn',
		);
		expect(result.aggregatePercent).toBe(50);
		expect(result.chains.map(chain => chain.share)).toEqual([12.5, 12.5]);
	});

	it('adds direct and indirect stakes (example 3)', () => {
		const x = party('X', true);
		const a = party('A', false, [{node: x, percent: 50}]);
		expect(
			ownershipBy(
				party('B', false, [
					{node: x, percent: 10},
					{node: a, percent: 40},
				]),
				'sdn',
			).aggregatePercent,
		).toBe(50);
	});

	it('does not count a stake held through an entity that listed parties own less than half of', () => {
		const a = party('A', false, [{node: party('X', true), percent: 40}]);
		expect(ownershipBy(party('V', false, [{node: a, percent: 100}]), 'sdn')).toEqual({aggregatePercent: 0, chains: [], unknownShare: []});
	});

	it('reports listed owners whose share is unknown, and survives ownership cycles', () => {
		const a: OwnershipNode = {key: 'A', name: 'A', listed: [], owners: []};
		const v = party('V', false, [
			{node: a, percent: 10},
			{node: party('X', true), percent: null},
		]);
		a.owners = [{node: v, percent: 10}];
		const result = ownershipBy(v, 'sdn');
		expect(result.aggregatePercent).toBe(0);
		expect(result.unknownShare).toEqual([{name: 'X', list: 'sdn', source: 'test'}]);
	});
});

const sdnSlice = join(repositoryRoot, 'test', 'fixtures', 'ofac-sdn-csv', 'static_slice_sdn.csv');
const sdnEntries = async () => (await parseListFile(sdnSlice)).entities;
const byRule = (findings: ExposureFinding[], ruleId: string) => findings.filter(finding => finding.rule.id === ruleId);

describe('the 50 percent rule on an inventory', () => {
	it('raises a supplier 30% owned by one SDN entity and 25% by another, with both chains', async () => {
		const entries = await sdnEntries();
		const [first, second] = entries.filter(entry => entry.type === 'entity' && entry.name.includes(',') === false);
		const inventory = `Vendor,Country,Owners\nNorthwind Parts,PA,"${first!.name}:30%; ${second!.name}:25%"\n`;
		const {findings} = exposureOf({inventory, entries, asOf: '2026-12-06'});
		const [finding] = byRule(findings, 'ofac-50-percent-rule') as OwnershipFinding[];
		expect(finding).toMatchObject({kind: 'ownership', vendor: 'Northwind Parts', aggregatePercent: 55});
		expect(finding!.chains.map(chain => [chain.listed.name, chain.counted])).toEqual([
			[first!.name, 30],
			[second!.name, 25],
		]);
		expect(finding!.chains[0]!.listed.source).toContain(`list entry ${first!.id}`);
	});

	it('does not raise it at 30% and 15%', async () => {
		const entries = await sdnEntries();
		const [first, second] = entries.filter(entry => entry.type === 'entity' && entry.name.includes(',') === false);
		const inventory = `Vendor,Country,Owners\nNorthwind Parts,PA,"${first!.name}:30%; ${second!.name}:15%"\n`;
		const {findings} = exposureOf({inventory, entries, asOf: '2026-12-06'});
		expect(byRule(findings, 'ofac-50-percent-rule')).toEqual([]);
	});

	it('raises "ownership unknown" for a listed owner without a share', async () => {
		const entries = await sdnEntries();
		const [first] = entries.filter(entry => entry.type === 'entity' && entry.name.includes(',') === false);
		const {findings} = exposureOf({inventory: `Vendor,Owners\nNorthwind Parts,"${first!.name}"\n`, entries, asOf: '2026-12-06'});
		expect(byRule(findings, 'ofac-50-percent-rule')).toMatchObject([
			{kind: 'ownership-unknown', owners: [{name: first!.name, list: 'sdn'}]},
		]);
	});
});

describe('the BIS Affiliates rule, as of its status on the day', () => {
	// Kaspersky companies are on the Entity List; OFAC designated executives, not the companies.
	const inventory = 'Vendor,Country,Owners\nSecureSoft Distribution,AM,AO Kaspersky Lab:60%\n';
	const affiliates = (asOf: string) => byRule(exposureOf({inventory, asOf}).findings, 'bis-affiliates-rule-2025');

	it.each([
		['2025-09-01', 'upcoming', 'upcoming'],
		['2025-10-15', 'active', 'active'],
		['2025-11-10', 'suspended', 'suspended until 2026-11-09'],
		['2026-11-09', 'suspended', 'suspended until 2026-11-09'],
		['2026-11-10', 'unknown', 'unknown after 2026-11-09'],
	])('on %s it is %s', (asOf, status, label) => {
		const [finding] = affiliates(asOf);
		expect(finding).toMatchObject({kind: 'ownership', aggregatePercent: 60, rule: {status, statusLabel: label}});
	});

	it('shows its evidence when its status is unknown, and none otherwise', () => {
		expect(affiliates('2026-12-06')[0]!.rule.evidence).toContain('unknown');
		expect(affiliates('2025-10-15')[0]!.rule.evidence).toBeNull();
	});

	it('does not raise the OFAC rule for a Kaspersky-owned supplier: the companies are not blocked', () => {
		expect(byRule(exposureOf({inventory, asOf: '2026-12-06'}).findings, 'ofac-50-percent-rule')).toEqual([]);
	});

	it('does not reach a U.S. company', () => {
		expect(
			byRule(exposureOf({inventory: inventory.replace(',AM,', ',US,'), asOf: '2025-10-15'}).findings, 'bis-affiliates-rule-2025'),
		).toEqual([]);
	});
});

describe('OpenSanctions ownership relations', () => {
	const lines = [
		{
			id: 'os-owner',
			schema: 'Company',
			caption: 'Zephyr Holding',
			properties: {name: ['Zephyr Holding']},
			datasets: ['us_ofac_sdn'],
			target: true,
		},
		{id: 'os-mid', schema: 'Company', caption: 'Zephyr Trading', properties: {name: ['Zephyr Trading']}, datasets: ['ext_registry']},
		{id: 'own-1', schema: 'Ownership', properties: {owner: ['os-owner'], asset: ['os-mid'], percentage: ['75']}},
		{id: 'own-2', schema: 'Ownership', properties: {owner: ['os-mid'], asset: ['os-supplier'], percentage: ['60%']}},
		{
			id: 'os-supplier',
			schema: 'Company',
			caption: 'Zephyr Logistics',
			properties: {name: ['Zephyr Logistics']},
			datasets: ['ext_registry'],
		},
	];

	it('keeps Ownership relations with their percentage as the asset owners', async () => {
		const path = writeTemporary('entities.ftm.json', lines.map(line => JSON.stringify(line)).join('\n'));
		const {entities} = await parseListFile(path, {format: 'opensanctions-ftm'});
		const byId = new Map(entities.map(entity => [entity.id, entity]));
		expect(byId.get('os-mid')!.ownedBy).toEqual([{ownerId: 'os-owner', percent: 75, endDate: null}]);
		expect(byId.get('os-supplier')!.ownedBy).toEqual([{ownerId: 'os-mid', percent: 60, endDate: null}]);
		expect(byId.get('os-owner')!.ownedBy).toBeUndefined();
	});

	it('raises a supplier matched to an entry whose owner chain reaches an SDN', async () => {
		const path = writeTemporary('entities.ftm.json', lines.map(line => JSON.stringify(line)).join('\n'));
		const entries: ScreeningEntity[] = (await parseListFile(path, {format: 'opensanctions-ftm'})).entities;
		const {findings, vendors} = exposureOf({
			inventory: 'Vendor\nZephyr Logistics\n',
			entries,
			matched: new Map([['zephyr-logistics', ['os-supplier']]]),
			asOf: '2026-12-06',
		});
		expect(vendors[0]!.id).toBe('zephyr-logistics');
		const [finding] = byRule(findings, 'ofac-50-percent-rule') as OwnershipFinding[];
		expect(finding!.aggregatePercent).toBe(60);
		expect(finding!.chains[0]!.steps.map(step => `${step.owner}>${step.owned} ${step.percent}`)).toEqual([
			'Zephyr Holding>Zephyr Trading 75',
			'Zephyr Trading>Zephyr Logistics 60',
		]);
		expect(finding!.chains[0]!.share).toBe(45);
	});
});
