// The built CLI keeps the saved inventory as it parsed it (app-context/kept-inventory.ts),
// under the file's content: a run reads the kept rows while the file is unchanged, and
// parses the file again as soon as its bytes change or the kept copy is not whole.
import {appendFileSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {runCli} from '../commands/cli.js';

let home: ReturnType<typeof temporaryHome>;
let inventory: string;
const keptInventory = () => join(home.path, 'cache', 'inventory.json');
type Kept = {key: string; vendors: Array<{name: string}>; errors: string[]};
const readKept = () => JSON.parse(readFileSync(keptInventory(), 'utf8')) as Kept;
const shown = () => {
	const result = runCli(['inventory'], home.path);
	expect(result.status).toBe(0);
	return result.stdout;
};

beforeEach(() => {
	home = temporaryHome();
	inventory = join(home.path, 'inventory.csv');
	writeFileSync(inventory, 'name,country\nHuawei Technologies Co. Ltd,CN\nKorsk Valve Fittings Oy,FI\n');
	expect(runCli(['inventory', 'set', inventory], home.path).status).toBe(0);
});
afterEach(() => home.remove());

test('saving an inventory keeps its parsed rows, and a run reads them while the file is unchanged', () => {
	expect(readKept().vendors.map(vendor => vendor.name)).toEqual(['Huawei Technologies Co. Ltd', 'Korsk Valve Fittings Oy']);
	// A kept copy with one row less is what the next run reports: it read the copy, not the file.
	const kept = readKept();
	writeFileSync(keptInventory(), JSON.stringify({...kept, vendors: kept.vendors.slice(0, 1)}));
	expect(shown()).toContain(': 1 vendor.');
});

test('an edited inventory is parsed again and kept under its new content', () => {
	const before = readKept().key;
	appendFileSync(inventory, 'Acme Office Supplies Inc,US\n');
	expect(shown()).toContain(': 3 vendors.');
	expect(readKept().key).not.toBe(before);
	expect(readKept().vendors).toHaveLength(3);
});

test('a kept copy cut short is parsed again from the file, and written whole', () => {
	writeFileSync(keptInventory(), readFileSync(keptInventory(), 'utf8').slice(0, 40));
	expect(shown()).toContain(': 2 vendors.');
	expect(readKept().vendors).toHaveLength(2);
});
