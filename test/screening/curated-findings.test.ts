// A curated join is a finding: confirmed or dismissed like a list hit, remembered in
// the decision log the same way (a disposition on entry id "curated:<vendor>"), and a
// dismissed join no longer carries the curated vendor's restrictions.
import {afterEach, beforeEach, expect, test} from 'vitest';
import {hitCounts, joinRun} from '../../source/app-context/joined.js';
import type {RunContext} from '../../source/app-context/run-context.js';
import {openDecisionLog, recordDisposition} from '../../source/decisions/index.js';
import {buildCatalog, embeddedDatasetName, loadEmbeddedRecords} from '../../source/records/index.js';
import {curatedFindings, parseInventory} from '../../source/screening/index.js';
import {temporaryHome} from '../helpers.js';

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
	home = temporaryHome();
});
afterEach(() => home.remove());

const catalog = buildCatalog([{name: embeddedDatasetName, document: loadEmbeddedRecords()}]);
const {vendors} = parseInventory('name\nHuawei Technologies Co. Ltd\nAcme Office Supplies Inc\n', 'inventory.csv');

function context(): RunContext {
	return {
		catalog,
		asOf: '2026-12-06',
		entries: [],
		sources: [],
		warnings: [],
		layers: [],
		sourceVersions: [],
		assets: null,
		inventory: {
			path: 'inventory.csv',
			vendors,
			errors: [],
			hits: curatedFindings(vendors, catalog.vendors),
			threshold: 0.8,
			curated: catalog,
		},
	};
}

const huaweiRow = vendors[0]!.id;

test('an undecided curated join is a hit of kind "curated" and carries the curated restrictions', () => {
	const joined = joinRun(context(), []);
	const hit = joined.hits.find(candidate => candidate.vendor.id === huaweiRow)!;
	expect(hit).toMatchObject({kind: 'curated', state: 'undecided', entry: {id: 'curated:huawei'}});
	expect(joined.joins.get(huaweiRow)).toEqual(['huawei']);
	expect(joined.context.catalog.restrictionsByVendor.get(huaweiRow)?.length).toBeGreaterThan(0);
});

test('curated joins are not counted as list hits: the restrictions they carry already queue the vendor', () => {
	expect(hitCounts(joinRun(context(), []).hits).get(huaweiRow)).toBeUndefined();
});

for (const [disposition, joins] of [
	['false-positive', []],
	['confirmed-match', ['huawei']],
] as const) {
	test(`a join marked ${disposition} is remembered through the decision log`, async () => {
		const log = openDecisionLog({env: {VENDOR_RISK_HOME: home.path}});
		const hit = joinRun(context(), []).hits.find(candidate => candidate.vendor.id === huaweiRow)!;
		await recordDisposition(
			log,
			{
				vendorId: huaweiRow,
				disposition,
				rationale: 'checked the row against the vendor contract',
				hit: {vendorFingerprint: hit.vendorFingerprint, entryId: hit.entry.id, entryContentHash: hit.entryContentHash},
			},
			{reviewer: 'test reviewer'},
		);
		const joined = joinRun(context(), log.entries());
		expect(joined.hits.find(candidate => candidate.vendor.id === huaweiRow)?.state).toBe(disposition);
		expect(joined.joins.get(huaweiRow)).toEqual(joins);
		expect((joined.context.catalog.restrictionsByVendor.get(huaweiRow)?.length ?? 0) > 0).toBe(joins.length > 0);
	});
}
