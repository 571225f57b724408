// Issue 21 §1, end to end: a decision made on one of two same-named vendors stays on
// that vendor (told apart by its website) when the inventory's rows are re-sorted.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, expect, it} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {runCli} from './cli.js';

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
	home = temporaryHome();
	expect(runCli(['config', 'set', 'reviewer', 'Ada Lovelace'], home.path).status).toBe(0);
});
afterEach(() => home.remove());

type Row = {id: string; hq: string; decision: string};
function decisionsWith(inventoryText: string): Row[] {
	const inventory = join(home.path, 'inventory.csv');
	writeFileSync(inventory, inventoryText);
	const listed = runCli(['--inventory', inventory, 'list', 'vendors', '--json'], home.path);
	expect(listed.status, listed.stderr).toBe(0);
	return (JSON.parse(listed.stdout) as {rows: Row[]}).rows.map(({id, hq, decision}) => ({id, hq, decision}));
}

it('a decision follows its vendor, not its row, when the inventory is re-sorted', () => {
	const sorted = 'name,website,country\nAcme,https://acme.com,US\nAcme,acme.de,DE\n';
	const reversed = 'name,website,country\nAcme,acme.de,DE\nAcme,https://acme.com,US\n';
	const inventory = join(home.path, 'inventory.csv');
	writeFileSync(inventory, sorted);
	const decided = runCli(
		['--inventory', inventory, 'decide', 'acme-acme-de', 'reject', '--reason', 'replaced', '--note', 'moved to Globex', '--yes'],
		home.path,
	);
	expect(decided.status, decided.stderr).toBe(0);

	for (const text of [sorted, reversed]) {
		const rows = decisionsWith(text);
		expect(rows.find(row => row.hq === 'DE')).toMatchObject({id: 'acme-acme-de', decision: 'reject'});
		expect(rows.find(row => row.hq === 'US')?.decision).not.toBe('reject');
	}
});

it('decide takes a vendor by its name, and refuses a name two vendors share, naming both ids', () => {
	const inventory = join(home.path, 'inventory.csv');
	writeFileSync(inventory, 'name,website,country\nAcme,acme.com,US\nAcme,acme.de,DE\nKaspersky Lab,kaspersky.com,RU\n');
	const decide = (vendor: string) =>
		runCli(['--inventory', inventory, 'decide', vendor, 'reject', '--reason', 'replaced', '--note', 'replaced', '--yes'], home.path);
	const named = decide('kaspersky lab');
	expect(named.status, named.stderr).toBe(0);
	expect(named.stdout).toMatch(/^recorded reject for kaspersky-lab /);
	const ambiguous = decide('Acme');
	expect(ambiguous.status).toBe(2);
	expect(ambiguous.stderr).toMatch(
		/^vendor-risk: "Acme" names 2 vendors: acme-acme-com \(Acme, US\), acme-acme-de \(Acme, DE\)\n {2}hint: give the vendor id/,
	);
});
