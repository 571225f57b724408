// A list hit's explanation is scored once per pair of names and index (screen.ts): the rows
// joined to one curated vendor all screen its names and meet the same entries. Every hit must
// still carry the explanation of its own pair, scored as its entry's kind asks.
import {expect, test} from 'vitest';
import {buildIndex, defaultThreshold, parseInventory, scoreNames, screenHere, screeningJob} from '../../source/screening/index.js';
import type {ScreeningEntity} from '../../source/records/index.js';
import {loadCslCsv, loadFactsVendors} from './fixtures.js';

const curated = loadFactsVendors();
const listed = loadCslCsv('consolidated_2022-05-16_sample.csv');
const blank = {aliases: [], addresses: [], countries: [], programs: [], listedOn: null, federalRegisterNotice: null, remarks: null};
const same = {...blank, list: 'Test list', sourceUrls: [], identifiers: []};
// One name on a person and on an organisation, both met by the same rows' names: each hit keeps its own entry's scoring.
const namesakes: ScreeningEntity[] = [
	{...same, id: 'namesake-person', name: 'KOLESNIKOV, Boris Vadimovich', type: 'person'},
	{...same, id: 'namesake-company', name: 'KOLESNIKOV, Boris Vadimovich', type: 'entity'},
];
const inventory = parseInventory(
	[
		'name',
		'Huawei Cloud Berlin',
		'Huawei Denmark',
		'Huawei Technologies Co. Ltd',
		'Huawei OpenLab Johannesburg',
		'Boris Vadimovich Kolesnikov',
		'Kolesnikov Boris',
	].join('\n'),
	'inventory.csv',
).vendors;
const job = screeningJob({vendors: inventory, entries: [...listed, ...namesakes], curated, threshold: defaultThreshold});
const index = buildIndex(job.entries);
const hits = screenHere(job, {}, index).filter(hit => hit.kind === 'list');

test('rows joined to one vendor meet the same entries through the same names', () => {
	const pairs = new Map<string, Set<string>>();
	for (const hit of hits) {
		const pair = `${hit.queryName} -> ${hit.matchedName}`;
		pairs.set(pair, (pairs.get(pair) ?? new Set()).add(hit.vendor.id));
	}
	// The case the sharing is for: one pair of names explained for several rows.
	expect([...pairs.values()].some(vendors => vendors.size >= 3)).toBe(true);
});

test('every list hit carries the explanation of its own pair of names and entry kind', () => {
	expect(hits.length).toBeGreaterThan(20);
	for (const hit of hits) {
		const fresh = scoreNames(hit.queryName, hit.matchedName, {
			kindB: hit.entry.type === 'person' ? 'person' : 'entity',
			entryKind: ['vessel', 'aircraft'].includes(hit.entry.type) ? 'strict' : 'organisation',
			statistics: index.statistics,
		});
		expect(hit.explanation, `${hit.vendor.name} -> ${hit.matchedName} (${hit.entry.id})`).toMatchObject({
			normalizedQuery: fresh.normalizedA,
			normalizedList: fresh.normalizedB,
			tokenScores: fresh.tokenScores,
			notes: fresh.notes,
		});
	}
});

// The curated names a row was joined to are searched once per index, threshold and country, for every
// row joined to that vendor in any slice of the inventory (a worker's), and at any threshold asked after.
test('searches of joined names kept by the index give what each row screened alone on a fresh index gives', () => {
	const rows = parseInventory(
		['name,country', 'Huawei Cloud Berlin,DE', 'Huawei Technologies Co. Ltd,CN', 'Huawei Denmark,DK', 'Huawei OpenLab,'].join('\n'),
		'inventory.csv',
	).vendors;
	const described = (found: ReturnType<typeof screenHere>) => found.map(hit => `${hit.vendor.id} ${hit.entry.id} ${hit.score}`);
	const alone = (threshold: number) =>
		rows.flatMap(row => described(screenHere({...job, vendors: [row], threshold}, {}, buildIndex(job.entries))));
	const shared = buildIndex(job.entries);
	for (const threshold of [0.8, 0.9, 0.8])
		expect(described(screenHere({...job, vendors: rows, threshold}, {}, shared))).toEqual(alone(threshold));
});
