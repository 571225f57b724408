// `screen` reports curated joins as findings, never says "No hits" when it had no
// list to screen against, and --fail-on counts both kinds (issue 15).
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {repositoryRoot, temporaryHome} from '../helpers.js';
import {runCli} from '../commands/cli.js';

let home: ReturnType<typeof temporaryHome>;
let inventory: string;
beforeEach(() => {
	home = temporaryHome();
	inventory = join(home.path, 'inventory.csv');
	writeFileSync(inventory, 'name,country\nHuawei Technologies Co. Ltd,CN\nAcme Office Supplies Inc,US\n');
});
afterEach(() => home.remove());

const sample = join(repositoryRoot, 'test', 'fixtures', 'csl-csv', 'consolidated_2022-05-16_sample.csv');

type Hit = {kind: string; vendor: {name: string}; entry: {id: string; list: string}; score: number};

test('with no list entries, screen says so in one line and never "No hits", and still reports curated joins', () => {
	const result = runCli(['screen', '--inventory', inventory], home.path);
	expect(result.stdout.split('\n')[0]).toBe('0 list entries screened: add a source with vendor-risk sources add');
	expect(result.stdout).not.toMatch(/No hits/);
	expect(result.stdout).toMatch(/Huawei Technologies Co\. Ltd {2}~ {2}curated vendor Huawei/);
});

test('an inventory with nothing on any list says "No hits" only when lists were screened', () => {
	writeFileSync(inventory, 'name\nAcme Office Supplies Inc\n');
	expect(runCli(['screen', '--inventory', inventory, '--source', sample], home.path).stdout).toMatch(/^No hits: 1 vendors screened/);
	expect(runCli(['screen', '--inventory', inventory], home.path).stdout).not.toMatch(/No hits/);
});

test('a vendor whose name leaves no word to compare is warned of, and "No hits" does not count it as screened', () => {
	// Cuneiform: a script the romanisers do not know.
	writeFileSync(inventory, 'name\nAcme Office Supplies Inc\n𒀀𒀁 𒀭𒂗𒍪\n');
	const result = runCli(['screen', '--inventory', inventory, '--source', sample], home.path);
	expect(result.status).toBe(0);
	expect(result.stdout.split('\n')[0]).toBe(
		'No hits: 1 vendors screened at threshold 0.8; 1 not comparable (see the warnings): screen them by hand.',
	);
	expect(result.stderr).toContain(
		'vendor-risk: warning: inventory.csv line 3: "𒀀𒀁 𒀭𒂗𒍪" has no word the matcher can compare (no Latin letters once romanised); it is kept, but screen it by hand',
	);
});

test('JSON hits carry their kind: "curated" for a join, "list" for a list entry', () => {
	const result = runCli(['screen', '--inventory', inventory, '--source', sample, '--format', 'json'], home.path);
	const {hits} = JSON.parse(result.stdout) as {hits: Hit[]};
	const huawei = hits.filter(hit => hit.vendor.name.startsWith('Huawei'));
	expect(huawei.find(hit => hit.kind === 'curated')).toMatchObject({entry: {id: 'curated:huawei', list: 'curated records'}});
	expect(huawei.some(hit => hit.kind === 'list')).toBe(true);
	expect(hits.every(hit => hit.kind === 'list' || hit.kind === 'curated')).toBe(true);
	expect(hits.some(hit => hit.vendor.name.startsWith('Acme'))).toBe(false);
});

test('--fail-on hit counts a curated join as a finding', () => {
	expect(runCli(['screen', '--inventory', inventory, '--fail-on', 'hit'], home.path).status).toBe(1);
	writeFileSync(inventory, 'name\nAcme Office Supplies Inc\n');
	expect(runCli(['screen', '--inventory', inventory, '--fail-on', 'hit'], home.path).status).toBe(0);
});
