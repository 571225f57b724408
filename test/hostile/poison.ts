// Hostile text for the safety tests: each string would do something to a
// terminal if it reached one raw (set the clipboard, clear the screen, make a
// link, reorder text) or run as a formula in a spreadsheet.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fixture} from '../helpers.js';

export const poisons = [
	'\u001B]52;c;ZXZpbA==\u0007clip',
	'\u001B[2Jclear',
	'\u001B]8;;https://evil.example\u0007link\u001B]8;;\u0007',
	'\u009B31mcsi-c1',
	'\u001BP1$qdcs\u001B\\',
	'\u001B_apc\u001B\\',
	'\u202Eevil\u2066',
	'=HYPERLINK("https://evil.example","x")',
];

/** What must never appear in output that came from data (the app's own drawing uses CSI, never these). */
export const forbiddenOutput = [/\u001B\]/, /\u001B\[2J/, /\u001BP/, /\u001B_/, /\u009B/, /[\u202A-\u202E\u2066-\u2069]/];

export const poisonedName = (index: number) => `Poison ${index} ${poisons[index % poisons.length]}`;

/** A CSL CSV with the real 29-column header and rows whose every text field is hostile. */
export function writePoisonedCsl(directory: string): string {
	const header = readFileSync(fixture('csl-csv', 'consolidated_2025_small.csv'), 'utf8').split('\n')[0]!.trim();
	const columns = header.split(',').length;
	const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
	const rows = poisons.map((poison, index) => {
		const cells = new Array<string>(columns).fill(poison);
		cells[0] = `poison-${index}`;
		cells[1] = 'Entity List (EL) - Bureau of Industry and Security';
		cells[5] = poisonedName(index);
		cells[9] = '2024-06-24';
		cells[22] = `${poison}; alias ${index}`;
		return cells.map(quote).join(',');
	});
	const path = join(directory, 'poisoned.csv');
	writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
	return path;
}

/** A native records document whose vendor, entity, restriction and jurisdiction text is hostile. */
export function writePoisonedRecords(directory: string): string {
	const document = {
		schemaVersion: 1,
		asOf: '2026-11-28',
		vendors: poisons.map((poison, index) => ({
			id: `poison-${index}`,
			name: poisonedName(index),
			entities: [{name: `${poison} Ltd`, originalScript: poison, country: 'RU', role: poison}],
			aliases: [poison],
			hq: 'RU',
			parent: poison,
			categories: [poison],
			notes: poison,
		})),
		jurisdictions: [{code: 'RU', name: `Russia ${poisons[0]}`, note: poisons[1], designations: []}],
		restrictions: poisons.map((poison, index) => ({
			id: `poison-r${index}`,
			vendorId: `poison-${index}`,
			authority: poison,
			jurisdiction: 'US',
			instrument: `List ${poison}`,
			kind: 'sanctions',
			program: poison,
			appliesTo: [poison],
			announced: '2024-06-21',
			milestones: [{date: '2024-06-21', what: poison}],
			scope: poison,
			federalRegister: {citation: poison, frDoc: poison, published: null},
			verification: 'confirmed',
			evidence: poison,
		})),
	};
	const path = join(directory, 'poisoned.json');
	writeFileSync(path, JSON.stringify(document));
	return path;
}
