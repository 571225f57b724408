// After a list changes, only the vendors the changed entries can touch are screened
// again; after the inventory is edited, only its new and changed rows; and the result
// is exactly what screening everything would give.
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

it('screens everything again when the threshold changes, or when most rows changed', async () => {
	const env = {VENDOR_RISK_HOME: home.path};
	const entries = (await parseListFile(fixture('csl-csv', 'consolidated_2022-05-16_sample.csv'))).entities;
	writeSnapshot('CSL', entries, {env});
	await screenWithCache({vendors, entries, curated, threshold: 0.8, env, cacheable: true});
	expect((await screenWithCache({vendors, entries, curated, threshold: 0.85, env, cacheable: true})).reason).toBe('full');
	const renamed = vendors.map(vendor => ({...vendor, name: `${vendor.name} Holdings`}));
	expect((await screenWithCache({vendors: renamed, entries, curated, threshold: 0.85, env, cacheable: true})).reason).toBe('full');
});

it('an edited inventory screens only its new and changed rows, and finds exactly what screening it afresh finds', async () => {
	const env = {VENDOR_RISK_HOME: home.path};
	const entries = (await parseListFile(fixture('csl-csv', 'consolidated_2022-05-16_sample.csv'))).entities;
	writeSnapshot('CSL', entries, {env});
	const organisations = entries.filter(entity => entity.type !== 'person');
	const listed = organisations.slice(0, 30);
	const rows = (names: string[]) =>
		parseInventory(['name,country', ...names.map(name => `"${name.replace(/"/g, '""')}",CN`)].join('\n'), 'inventory.csv').vendors;
	const before = [...listed.map(entity => entity.name), 'Acme Office Supplies Inc', 'Northwind Traders LLC', 'Huawei Technologies Co. Ltd'];
	await screenWithCache({vendors: rows(before), entries, curated, threshold: 0.8, env, cacheable: true});
	// One row renamed to a listed name, one removed, one added, the rest moved about.
	const after = [...before.slice(1).reverse(), 'Zhejiang Dahua Technology'];
	after[after.indexOf('Acme Office Supplies Inc')] = organisations[30]!.name;
	const edited = await screenWithCache({vendors: rows(after), entries, curated, threshold: 0.8, env, cacheable: true});
	expect(edited.reason).toBe('incremental');
	expect(edited.rescreened).toBe(2);
	const elsewhere = temporaryHome();
	try {
		const fresh = await screenWithCache({
			vendors: rows(after),
			entries,
			curated,
			threshold: 0.8,
			env: {VENDOR_RISK_HOME: elsewhere.path},
			cacheable: true,
		});
		expect(fresh.reason).toBe('full');
		expect(edited.hits).toEqual(fresh.hits);
	} finally {
		elsewhere.remove();
	}
	expect(edited.hits.some(hit => hit.kind === 'curated' && hit.vendor.name === 'Zhejiang Dahua Technology')).toBe(true);
	expect(edited.hits.some(hit => hit.vendor.name === 'Acme Office Supplies Inc')).toBe(false);
	expect(edited.hits.some(hit => hit.kind === 'list' && hit.matchedName === organisations[30]!.name)).toBe(true);
	// The next run finds nothing changed.
	expect((await screenWithCache({vendors: rows(after), entries, curated, threshold: 0.8, env, cacheable: true})).reason).toBe('unchanged');
	// A row removed leaves nothing to screen: the rows are not shown as pending first (onScreening), only their kept hits.
	let screening = false;
	const removed = await screenWithCache({
		vendors: rows(after.slice(1)),
		entries,
		curated,
		threshold: 0.8,
		env,
		cacheable: true,
		onScreening: () => {
			screening = true;
		},
	});
	expect(removed.rescreened).toBe(0);
	expect(screening).toBe(false);
	expect(removed.hits).toEqual(edited.hits.filter(hit => hit.vendor.name !== after[0]));
});

it('starts a screening only once what onScreening returns has settled: a TUI shows the rows first', async () => {
	const env = {VENDOR_RISK_HOME: home.path};
	const entries = (await parseListFile(fixture('csl-csv', 'consolidated_2022-05-16_sample.csv'))).entities;
	writeSnapshot('CSL', entries, {env});
	const stages: string[] = [];
	let showRows: () => void = () => undefined;
	const rowsShown = new Promise<void>(resolve => (showRows = resolve));
	let told = false;
	const screening = screenWithCache({
		vendors,
		entries,
		curated,
		threshold: 0.8,
		env,
		cacheable: true,
		pool: {workers: 0, onProgress: progress => stages.push(progress.stage)},
		onScreening: () => {
			told = true;
			return rowsShown;
		},
	});
	// However many turns the event loop takes meanwhile, nothing is screened before the rows are shown.
	for (let turn = 0; turn < 50; turn++) await new Promise(resolve => setImmediate(resolve));
	expect(told).toBe(true);
	expect(stages).toEqual([]);
	showRows();
	const screened = await screening;
	expect(stages[0]).toBe('indexing');
	expect(screened.reason).toBe('full');
	expect(summary(screened.hits)).toEqual(summary(screenedInFull(entries)));
});
