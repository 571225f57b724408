// The class rules in the TUI, on an inventory with assets as the reviewer
// has them: a foreign-made consumer router, a drone with no country of origin, and
// a category no rule knows. The Rules view shows what each rule reaches, a rule's
// detail its assets, and the vendor detail, the queue and the dashboard the findings.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeEach, expect, it} from 'vitest';
import dataset from '../../source/records/dataset.json' with {type: 'json'};
import {filterTo, wholeDetail} from './helpers/review.js';
import {keys, startCli, usePtyHome, type Session} from './helpers/pty.js';
import {settled, statusBar} from './helpers/screen.js';

const home = usePtyHome();
let session: Session | undefined;
let inventory: string;
let assets: string;
beforeEach(() => {
	inventory = join(home.path, 'inventory.csv');
	assets = join(home.path, 'assets.csv');
	writeFileSync(inventory, 'Vendor,Country\nNetgear,US\nSkyward Aero,US\n');
	writeFileSync(
		assets,
		'vendor,product,category,country_of_origin,components,model_year,quantity\nNetgear,RAX50,SOHO router,TW,,,40\nSkyward Aero,Scout,quadcopter,,,,3\nAcme,Box,smart toaster,CN,,,1\n',
	);
});

const routerRule = dataset.classRules.find(rule => rule.id === 'fcc-covered-foreign-routers-2026')!;
const droneRule = dataset.classRules.find(rule => rule.id === 'fcc-covered-foreign-uas-2025')!;
const rowOf = (screen: string, title: string) => screen.split('\n').find(line => line.includes(title.slice(0, 20))) ?? '';

it('shows each rule with what it reaches, the router rule with its asset and both milestones, the drone as origin unknown', async () => {
	session = startCli(['--inventory', inventory, '--assets', assets], {home: home.path, columns: 120, rows: 40});
	await session.waitFor(settled, 'the app settled');
	session.write('8');
	await session.waitFor(screen => statusBar(screen).startsWith(' Rules ·'), 'the Rules view');
	const rules = await session.waitForText('3 assets checked');
	expect(rules).toContain('[8 Rules]');
	expect(rules).toContain('unknown category: smart toaster');
	expect(statusBar(rules)).toContain(`${dataset.classRules.length}/${dataset.classRules.length} shown`);
	expect(rowOf(rules, routerRule.title)).toContain('1 asset (40 units)');
	expect(rowOf(rules, droneRule.title)).toContain('1 origin ?');

	await filterTo(session, `id:${routerRule.id}`);
	session.write(keys.enter);
	await session.waitForText('lines 1-');
	const router = await wholeDetail(session);
	expect(router).toContain(`(${routerRule.id})`);
	expect(router).toContain('Assets reached (1)');
	expect(router).toContain('Netgear RAX50 (SOHO router, TW, ×40)');
	for (const milestone of routerRule.milestones) expect(router).toContain(milestone.date);
	session.write(keys.escape);
	await session.waitFor(screen => !screen.includes('lines ') && statusBar(screen).startsWith(' Rules ·'), 'back on the rules');

	await filterTo(session, `id:${droneRule.id}`);
	session.write(keys.enter);
	await session.waitForText('lines 1-');
	const drone = await wholeDetail(session);
	expect(drone).toContain('Origin unknown (1)');
	expect(drone).toContain('Skyward Aero Scout (quadcopter, origin ?, ×3)');
	session.write('q');
	await session.waitFor(screen => !screen.includes('lines '), 'back on the rules');

	// The same findings in the queue's Why column and in the vendor's detail.
	session.write('6');
	await filterTo(session, 'id:netgear');
	expect(session.screen()).toMatch(/Netgear +│ no decision; class rule/);
	session.write(keys.enter);
	await session.waitForText('lines 1-');
	const netgear = await wholeDetail(session);
	expect(netgear).toContain('Product-class rules (1)');
	expect(netgear).toContain('Netgear RAX50 (SOHO router, TW, ×40): produced in TW');
	expect(netgear).toContain('sources to ');
	session.write(keys.escape);
	await session.waitFor(screen => !screen.includes('lines '), 'back on the queue');

	// The dashboard counts them.
	session.write('0');
	const dashboard = await session.waitForText('Findings: class rules, ownership');
	expect(dashboard).toMatch(/class rule +█+ 1/);
	expect(dashboard).toMatch(/origin unknown +█+ 1/);
	expect(dashboard).toContain('unknown categories (1): smart toaster');
	session.write('q');
	expect(await session.exit).toBe(0);
});

it('says what the Rules view needs when there is nothing to apply the rules to', async () => {
	session = startCli([], {home: home.path, columns: 100, rows: 30});
	await session.waitFor(settled, 'the app settled');
	session.write('8');
	const rules = await session.waitForText('Nothing to apply the rules to yet');
	expect(rowOf(rules, routerRule.title)).toMatch(/│ active +│ — +│/);
	session.write('q');
	expect(await session.exit).toBe(0);
});
