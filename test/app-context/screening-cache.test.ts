// After a list changes, only the vendors the changed entries can touch are screened
// again, and the result is exactly what screening everything would give.
import {afterEach, beforeEach, expect, it} from 'vitest';
import {screenWithCache} from '../../source/app-context/screening-cache.js';
import {writeSnapshot} from '../../source/changes/index.js';
import {loadEmbeddedRecords} from '../../source/records/embedded.js';
import {
	buildIndex,
	curatedFindings,
	curatedNames,
	parseInventory,
	screenInventory,
	type ScreeningHit,
} from '../../source/screening/index.js';
import {parseListFile} from '../../source/sources/parsers/index.js';
import type {ScreeningEntity} from '../../source/records/list-entries.js';
import {fixture, temporaryHome} from '../helpers.js';

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
	home = temporaryHome();
});
afterEach(() => home.remove());

const curated = loadEmbeddedRecords().vendors;
const {vendors} = parseInventory(
	[
		'name,country',
		'Hangzhou Hikvision Digital Technology,CN',
		'Huawei Technologies Co. Ltd,CN',
		'Acme Office Supplies Inc,US',
		'Northwind Traders LLC,US',
		'Zhejiang Dahua Technology,CN',
		'Contoso Ltd,GB',
	].join('\n'),
	'inventory.csv',
);
const summary = (hits: readonly ScreeningHit[]) => hits.map(hit => `${hit.kind} ${hit.vendor.id} ${hit.entry.id} ${hit.score}`).sort();
/** What screening everything gives: the curated joins, and the list hits weighed with the curated names counted. */
const screenedInFull = (entries: readonly ScreeningEntity[]) => [
	...curatedFindings(vendors, curated, {threshold: 0.8}),
	...screenInventory(vendors, buildIndex(entries, {statisticsNames: curated.flatMap(curatedNames)}), {
		threshold: 0.8,
		curatedVendors: curated,
	}),
];

it('screens everything first, nothing when the lists are unchanged, and only touched vendors after a change', async () => {
	const env = {VENDOR_RISK_HOME: home.path};
	const versionA = (await parseListFile(fixture('csl-csv', 'consolidated_2022-05-16_sample.csv'))).entities;
	const request = (entries: readonly ScreeningEntity[]) => ({vendors, entries, curated, threshold: 0.8, env, cacheable: true});

	writeSnapshot('CSL', versionA, {env, fetchedAt: '2026-11-27T10:00:00.000Z'});
	const first = await screenWithCache(request(versionA));
	expect(first.reason).toBe('full');
	expect(summary(first.hits)).toEqual(summary(screenedInFull(versionA)));
	expect((await screenWithCache(request(versionA))).reason).toBe('unchanged');

	// Version B: the Hikvision entry is delisted and a new Huawei affiliate is listed.
	const huawei = versionA.find(entity => /^huawei technologies co/i.test(entity.name))!;
	expect(huawei).toBeDefined();
	const versionB = [
		...versionA.filter(entity => !/hikvision/i.test(entity.name)),
		{...huawei, id: 'added-huawei', name: 'Huawei Technologies Co., Ltd. Branch Office'},
	];
	writeSnapshot('CSL', versionB, {env, fetchedAt: '2026-11-28T10:00:00.000Z'});
	const second = await screenWithCache(request(versionB));
	expect(second.reason).toBe('incremental');
	expect(second.rescreened).toBe(2); // Hikvision (lost its hit) and Huawei (gained one), not all six
	expect(summary(second.hits)).toEqual(summary(screenedInFull(versionB)));
	expect(second.hits.some(hit => hit.entry.id === 'added-huawei')).toBe(true);
	expect(second.hits.some(hit => hit.kind === 'list' && hit.vendor.id.includes('hikvision'))).toBe(false);
});

it('screens everything again when the inventory or threshold changes', async () => {
	const env = {VENDOR_RISK_HOME: home.path};
	const entries = (await parseListFile(fixture('csl-csv', 'consolidated_2022-05-16_sample.csv'))).entities;
	writeSnapshot('CSL', entries, {env});
	await screenWithCache({vendors, entries, curated, threshold: 0.8, env, cacheable: true});
	expect((await screenWithCache({vendors, entries, curated, threshold: 0.85, env, cacheable: true})).reason).toBe('full');
	expect((await screenWithCache({vendors: vendors.slice(1), entries, curated, threshold: 0.85, env, cacheable: true})).reason).toBe('full');
});
