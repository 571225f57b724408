// Every command that prints data from a poisoned source or records file prints no
// control sequence from it.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {runCli} from '../commands/cli.js';
import {forbiddenOutput, writePoisonedCsl, writePoisonedRecords} from './poison.js';

let home: ReturnType<typeof temporaryHome>;
let csv: string;
let records: string;
beforeAll(() => {
	home = temporaryHome();
	csv = writePoisonedCsl(home.path);
	records = writePoisonedRecords(home.path);
});
afterAll(() => home.remove());

const expectInert = (text: string) => {
	for (const pattern of forbiddenOutput) expect(text).not.toMatch(pattern);
	expect(text).not.toContain('\u001B');
};

describe('poisoned data in commands', () => {
	it('list entries --source poisoned.csv prints no ESC byte from the data, as a table and as JSON', () => {
		for (const extra of [[], ['--json']]) {
			const result = runCli(['--source', csv, 'list', 'entries', ...extra], home.path);
			expect(result.status).toBe(0);
			expect(result.stdout).toContain('Poison 0');
			expect(result.stdout).toContain('␛]52;');
			expectInert(result.stdout + result.stderr);
		}
	});

	it.each(['vendors', 'jurisdictions', 'restrictions', 'timeline', 'queue'])(
		'list %s from a poisoned records file prints no ESC byte',
		table => {
			for (const extra of [[], ['--json']]) {
				const result = runCli(['--records', records, 'list', table, ...extra], home.path);
				expect(result.status).toBe(0);
				expectInert(result.stdout + result.stderr);
			}
		},
	);

	it('a decision on a poisoned vendor exports no live formula and no control character', () => {
		expect(
			runCli(
				[
					'--records',
					records,
					'decide',
					'poison-7',
					'reject',
					'--reason',
					'sanctioned-entity',
					'--note',
					'=HYPERLINK("https://evil.example")\u001B]52;c;x\u0007',
				],
				home.path,
			).status,
		).toBe(0);
		for (const format of ['csv', 'json', 'jsonl', 'md']) {
			const result = runCli(['log', 'export', '--format', format], home.path);
			expect(result.status).toBe(0);
			expectInert(result.stdout);
			if (format === 'csv') expect(result.stdout).not.toMatch(/(^|,)"?=HYPERLINK/m);
		}
	});
});
