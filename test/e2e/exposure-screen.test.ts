// Screening an inventory with assets and owners through the built CLI: class
// rules with their milestones, origin unknown, and ownership under the 50 percent rule.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import dataset from '../../source/records/dataset.json' with {type: 'json'};
import {runCliAsync} from '../commands/cli.js';
import {repositoryRoot, temporaryHome} from '../helpers.js';

type Hit = {
	kind: string;
	vendor: {name: string; id: string | null};
	rule?: {id: string; title: string; status: string; milestones: Array<{date: string; what: string}>};
	asset?: {product: string | null; countryOfOrigin: string | null};
	aggregatePercent?: number;
	chains?: Array<{listed: {name: string}; counted: number}>;
};
type Screened = {hits: Hit[]; unknownCategories: Array<{category: string}>};

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
	home = temporaryHome();
});
afterEach(() => home.remove());

const write = (name: string, text: string) => {
	const path = join(home.path, name);
	writeFileSync(path, text);
	return path;
};
const screen = async (args: string[]) => {
	const result = await runCliAsync(['screen', '--format', 'json', ...args], home.path);
	return {...result, json: JSON.parse(result.stdout) as Screened};
};

describe('screening an inventory with assets', () => {
	const routerRule = dataset.classRules.find(rule => rule.id === 'fcc-covered-foreign-routers-2026')!;

	it('raises the router rule with both milestones for a foreign-made consumer router, and origin unknown for a drone', async () => {
		const inventory = write('inventory.csv', 'Vendor,Country\nNetgear,US\nSkyward Aero,US\n');
		const assets = write(
			'assets.csv',
			'vendor,product,category,country_of_origin,components,model_year,quantity\nNetgear,RAX50,SOHO router,TW,,,40\nSkyward Aero,Scout,quadcopter,,,,3\nAcme,Box,smart toaster,CN,,,1\n',
		);
		const {status, json} = await screen(['--inventory', inventory, '--assets', assets, '--fail-on', 'hit']);
		expect(status).toBe(1);
		const router = json.hits.find(hit => hit.kind === 'class-rule' && hit.rule?.id === routerRule.id)!;
		expect(router.vendor).toEqual({name: 'Netgear', id: 'netgear'});
		expect(router.rule).toMatchObject({title: routerRule.title, status: 'active'});
		expect(router.rule!.milestones).toEqual(routerRule.milestones);
		expect(router.rule!.milestones).toHaveLength(2);
		const drone = json.hits.filter(hit => hit.kind === 'origin-unknown' && hit.vendor.name === 'Skyward Aero');
		expect(drone.map(hit => hit.rule!.id)).toContain('fcc-covered-foreign-uas-2025');
		expect(drone[0]!.asset).toMatchObject({product: 'Scout', countryOfOrigin: null});
		expect(json.unknownCategories.map(category => category.category)).toEqual(['smart toaster']);
	});

	it('reads a US-made router as clean and exits 0 without findings', async () => {
		const assets = write('assets.csv', 'Vendor,Product,Category,Made in,Quantity\nNetgear,RAX50,wifi router,US,2\n');
		const {status, json} = await screen(['--assets', assets, '--fail-on', 'hit']);
		expect(json.hits).toEqual([]);
		expect(status).toBe(0);
	});
});

describe('the 50 percent rule through the built CLI', () => {
	const sdn = join(repositoryRoot, 'test', 'fixtures', 'ofac-sdn-csv', 'static_slice_sdn.csv');
	// Two entities on the SDN slice, by their names as OFAC writes them.
	const [first, second] = readFileSync(sdn, 'latin1')
		.split('\n')
		.map(line => /^\d+,"([^",]+)",-0- /.exec(line)?.[1])
		.filter((name): name is string => Boolean(name));

	const ownersRun = async (shares: [number, number]) => {
		const inventory = write(
			'inventory.csv',
			`Vendor,Country,Owners\nNorthwind Parts,PA,"${first}:${shares[0]}%; ${second}:${shares[1]}%"\n`,
		);
		return screen(['--inventory', inventory, '--source', sdn]);
	};

	it('raises a supplier 30% owned by one SDN entity and 25% by another, with both chains', async () => {
		const {json} = await ownersRun([30, 25]);
		const ownership = json.hits.filter(hit => hit.kind === 'ownership' && hit.rule?.id === 'ofac-50-percent-rule');
		expect(ownership).toHaveLength(1);
		expect(ownership[0]).toMatchObject({vendor: {name: 'Northwind Parts'}, aggregatePercent: 55});
		expect(ownership[0]!.chains!.map(chain => [chain.listed.name, chain.counted])).toEqual([
			[first, 30],
			[second, 25],
		]);
	});

	it('does not raise it at 30% and 15%', async () => {
		const {json} = await ownersRun([30, 15]);
		expect(json.hits.filter(hit => hit.kind === 'ownership')).toEqual([]);
	});
});
