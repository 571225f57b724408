// The screening issue's story: an inventory naming Kaspersky (in Cyrillic),
// Hikvision, Huawei and twenty ordinary vendors, screened against the curated
// records and the real CSL sample; hits reviewed in the TUI; the gate opens
// only when every hit has a disposition.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeEach, expect, it} from 'vitest';
import {fixture} from '../helpers.js';
import {runCliAsync} from '../commands/cli.js';
import {keys, startCli, usePtyHome, type Session} from './helpers/pty.js';

const ordinary = [
	'Acme Office Supplies Inc',
	'Northwind Traders LLC',
	'Contoso Ltd',
	'Initech GmbH',
	'Umbrella Health SA',
	'Stark Industrial Supply',
	'Wayne Enterprises',
	'Wonka Foods AG',
	'Tyrell Systems BV',
	'Cyberdyne Analytics',
	'Soylent Green Energy',
	'Hooli Cloud Services',
	'Pied Piper Compression',
	'Vandelay Industries',
	'Dunder Mifflin Paper',
	'Gringotts Payments Ltd',
	'Oceanic Airlines',
	'Monarch Solutions',
	'Bluth Construction Co',
	'Prestige Worldwide Events',
];

const home = usePtyHome();
let session: Session | undefined;
let inventory: string;
beforeEach(async () => {
	inventory = join(home.path, 'inventory.csv');
	const rows = [
		['Лаборатория Касперского', 'RU', 'Antivirus'],
		['Hangzhou Hikvision Digital Technology', 'CN', 'CCTV cameras'],
		['Huawei Device Co., Ltd.', 'CN', 'Phones'],
		...ordinary.map(name => [name, 'US', 'Services']),
	];
	writeFileSync(inventory, `Supplier,Country of origin,Products\n${rows.map(row => row.map(cell => `"${cell}"`).join(',')).join('\n')}\n`);
	expect(
		(await runCliAsync(['sources', 'add', fixture('csl-csv', 'consolidated_2022-05-16_sample.csv'), '--name', 'CSL'], home.path)).status,
	).toBe(0);
	expect((await runCliAsync(['fetch'], home.path)).status).toBe(0);
});

type ScreenJson = {
	hits: Array<{vendor: {id: string; name: string}; entry: {id: string; list: string}; score: number; disposition: string}>;
	screened: number;
	threshold: number;
};

it('finds the right hits, keeps dispositions across restarts, and gates on undecided hits', async () => {
	const first = await runCliAsync(['screen', '--inventory', inventory, '--format', 'json', '--fail-on', 'undecided'], home.path);
	expect(first.status).toBe(1);
	const screened = JSON.parse(first.stdout) as ScreenJson;
	expect(screened.screened).toBe(23);
	const hitVendors = new Set(screened.hits.map(hit => hit.vendor.name));
	expect(hitVendors).toContain('Hangzhou Hikvision Digital Technology');
	expect(hitVendors).toContain('Huawei Device Co., Ltd.');
	for (const name of ordinary) expect(hitVendors.has(name), `${name} is an ordinary vendor`).toBe(false);

	// Kaspersky (in Cyrillic) is joined to the curated Kaspersky and carries its restrictions.
	const vendors = JSON.parse((await runCliAsync(['--inventory', inventory, 'list', 'vendors', '--json'], home.path)).stdout) as {
		rows: Array<{name: string; active: number}>;
	};
	expect(vendors.rows.find(row => row.name === 'Лаборатория Касперского')!.active).toBeGreaterThanOrEqual(7);

	// Review every hit in the TUI: Hikvision's is a confirmed match, the rest are marked by vendor.
	session = startCli(['--inventory', inventory], {home: home.path, columns: 120, rows: 40});
	await session.waitForText('? help');
	await session.waitFor(screen => /Hits/.test(screen) && /\d+ new/.test(screen), 'hit counts');
	const byVendor = new Map<string, number>();
	for (const hit of screened.hits) byVendor.set(hit.vendor.name, (byVendor.get(hit.vendor.name) ?? 0) + 1);
	for (const [vendor, count] of byVendor) {
		session.write('/');
		session.write(`name:"${vendor.split(' ')[0]}"`);
		session.write(keys.enter);
		await session.waitFor(screen => /1\/23 shown/.test(screen), `only ${vendor}`);
		session.write(keys.enter);
		await session.waitForText('lines 1-');
		// The hits follow the summary of the vendor's restrictions, which can fill a page.
		for (let page = 0; page < 5 && !session.screen().includes(`Screening hits (${count})`); page++) {
			const before = session.screen();
			session.write(keys.pageDown);
			await session.waitFor(screen => screen !== before, 'the next page');
			await session.waitForStill();
		}
		expect(session.screen()).toContain(`Screening hits (${count})`);
		for (let index = 0; index < count; index++) {
			session.write(vendor.includes('Hikvision') ? 'x' : 'n');
			await session.waitForText('reason:');
			session.write(vendor.includes('Hikvision') ? 'same legal name, listed CMIC' : 'reviewed: Huawei Device is a distinct entity');
			session.write(keys.enter);
			await session.waitFor(screen => screen.includes('marked ') && !screen.includes('reason:'), 'the disposition saved');
			session.write(keys.tab);
		}
		session.write(keys.escape);
		await session.waitFor(screen => !screen.includes('lines ') && screen.includes('shown'), 'back on the table');
		session.write(keys.escape);
		// An Esc glued to the next key reads as Alt+key: let it land first.
		await session.waitFor(screen => /23\/23 shown/.test(screen), 'the filter cleared');
	}
	session.write('q');
	expect(await session.exit).toBe(0);

	// Dispositions persist, the gate opens, and the confirmed match became a restriction.
	const after = await runCliAsync(['screen', '--inventory', inventory, '--format', 'json', '--fail-on', 'undecided'], home.path);
	expect(after.status).toBe(0);
	const judged = JSON.parse(after.stdout) as ScreenJson;
	expect(judged.hits.filter(hit => hit.vendor.name.includes('Hikvision')).every(hit => hit.disposition === 'confirmed-match')).toBe(true);
	expect(judged.hits.filter(hit => hit.vendor.name.includes('Huawei')).every(hit => hit.disposition === 'false-positive')).toBe(true);
	const restrictions = JSON.parse(
		(await runCliAsync(['--inventory', inventory, 'list', 'restrictions', '--filter', 'vendor:Hikvision', '--json'], home.path)).stdout,
	) as {rows: Array<{id: string}>};
	expect(restrictions.rows.some(row => row.id.includes(':hit:'))).toBe(true);
	expect((await runCliAsync(['screen', '--inventory', inventory, '--fail-on', 'hit'], home.path)).status).toBe(1);
});

it('screens a subsidiary through its parent company, and every format says so', async () => {
	const subsidiaries = join(home.path, 'subsidiaries.csv');
	writeFileSync(
		subsidiaries,
		'Supplier,Parent Company,Business Owner\nEzviz Home Cameras,Hangzhou Hikvision Digital Technology Co. Ltd.,Huawei Device Co.\nContoso Ltd,,\n',
	);
	const table = await runCliAsync(['screen', '--inventory', subsidiaries], home.path);
	expect(table.status).toBe(0);
	expect(table.stdout).toMatch(/^Ezviz Home Cameras {2}~ {2}.*HIKVISION/im);
	expect(table.stdout).toContain('"Hangzhou Hikvision Digital Technology Co. Ltd." (parent company) met');
	// The owner column names a colleague, not a company: Huawei is not screened through it.
	expect(table.stdout).not.toMatch(/huawei/i);
	const csv = (await runCliAsync(['screen', '--inventory', subsidiaries, '--format', 'csv'], home.path)).stdout.trim().split('\r\n');
	expect(csv[0]!.split(',').at(-1)).toBe('query_role');
	expect(csv.length).toBeGreaterThan(1);
	for (const row of csv.slice(1)) expect(row.endsWith(',parent')).toBe(true);
});
