// The built CLI keeps the lists' index in its cache (screening/index-file.ts): a
// fetch builds it when an inventory is saved, a first screening of a new inventory
// over the same lists reads it, and a list that changed is never screened with the
// index of the list it was.
import {existsSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'csv-parse/sync';
import {stringify} from 'csv-stringify/sync';
import {afterEach, beforeEach, expect, test} from 'vitest';
import {fixture, temporaryHome} from '../helpers.js';
import {runCli} from '../commands/cli.js';

let home: ReturnType<typeof temporaryHome>;
let list: string;
const keptIndex = () => join(home.path, 'cache', 'list-index.bin');
const screeningCache = () => join(home.path, 'cache', 'screening.json');

/** The CSL sample, with more rows named as given. */
function writeList(extraNames: string[]): void {
	const records = parse(readFileSync(fixture('csl-csv', 'consolidated_2022-05-16_sample.csv'), 'utf8'), {columns: true}) as Array<
		Record<string, string>
	>;
	const extra = extraNames.map((name, at) => ({...records[0]!, _id: `test-${at}`, name, alt_names: '', type: 'Entity'}));
	writeFileSync(list, stringify([...records, ...extra], {header: true, columns: Object.keys(records[0]!)}));
}

const screenJson = () => {
	const result = runCli(['screen', '--format', 'json'], home.path);
	expect(result.stderr).toBe('');
	return result.stdout;
};

beforeEach(() => {
	home = temporaryHome();
	list = join(home.path, 'list.csv');
	writeList([]);
	const inventory = join(home.path, 'inventory.csv');
	writeFileSync(inventory, 'name,country\nHuawei Technologies Co. Ltd,CN\nKorsk Valve Fittings Oy,FI\nAcme Office Supplies Inc,US\n');
	for (const args of [['sources', 'add', list, '--name', 'csl'], ['fetch'], ['inventory', 'set', inventory]])
		expect(runCli(args, home.path).status).toBe(0);
});
afterEach(() => home.remove());

test('a first screening over lists screened before reads their kept index, and finds the same', () => {
	const first = screenJson();
	expect(existsSync(keptIndex())).toBe(true);
	const kept = statSync(keptIndex());
	rmSync(screeningCache());
	expect(screenJson()).toBe(first);
	// Read, not built again: a rewrite would rename a new file over it.
	expect(statSync(keptIndex()).ino).toBe(kept.ino);
	expect(statSync(keptIndex()).mtimeMs).toBe(kept.mtimeMs);
});

test('a list fetched anew is screened with its own index, by a full screening or an incremental one', () => {
	expect(screenJson()).not.toContain('Korsk Valve');
	writeList(['Korsk Valve Fittings Oy']);
	expect(runCli(['fetch'], home.path).status).toBe(0);
	const found = (output: string) =>
		(JSON.parse(output) as {hits: Array<{vendor: {name: string}; matchedName: string}>}).hits.some(
			hit => hit.vendor.name === 'Korsk Valve Fittings Oy' && hit.matchedName === 'Korsk Valve Fittings Oy',
		);
	// The screening cache holds the old list's hits: only the changed entries are screened, over the new list's index.
	expect(found(screenJson())).toBe(true);
	rmSync(screeningCache());
	expect(found(screenJson())).toBe(true);
});

test("a fetch with an inventory saved builds the lists' index, and the first screening reads it", () => {
	expect(existsSync(keptIndex())).toBe(false);
	writeList(['Korsk Valve Fittings Oy']);
	expect(runCli(['fetch'], home.path).status).toBe(0);
	expect(existsSync(keptIndex())).toBe(true);
	const built = statSync(keptIndex());
	const output = screenJson();
	expect(output).toContain('"matchedName": "Korsk Valve Fittings Oy"');
	expect(statSync(keptIndex()).ino).toBe(built.ino);
	// The same as a screening that builds its own index.
	rmSync(keptIndex());
	rmSync(screeningCache());
	expect(screenJson()).toBe(output);
});
