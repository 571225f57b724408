// Every command speaks with one voice when the input is bad: `vendor-risk: <what>:
// <why>` on the first line of stderr, at most a hint line after it, no stack trace,
// nothing on stdout, and the documented exit code.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {runCli} from './cli.js';

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
	home = temporaryHome();
});
afterEach(() => home.remove());

const cases: Array<{command: string; args: string[]; exit: number; says: RegExp}> = [
	{command: 'list', args: ['list', 'vendorz'], exit: 2, says: /^vendor-risk: list: unknown table "vendorz"; use one of vendors, /},
	{command: 'queue', args: ['queue', '--filter', 'colour:red'], exit: 2, says: /^vendor-risk: --filter: unknown field "colour"/},
	{command: 'sources', args: ['sources', '--bogus'], exit: 2, says: /^vendor-risk: unknown option '--bogus'/},
	{
		command: 'sources add',
		args: ['sources', 'add', '/no/such/list.csv'],
		exit: 2,
		says: /^vendor-risk: \/no\/such\/list\.csv: no such file/,
	},
	{command: 'sources remove', args: ['sources', 'remove', 'nope'], exit: 2, says: /^vendor-risk: no source named "nope"/},
	{command: 'fetch', args: ['fetch', 'now'], exit: 2, says: /^vendor-risk: too many arguments for 'fetch'/},
	{command: 'screen', args: ['screen'], exit: 2, says: /^vendor-risk: screen: no inventory\n {2}hint: pass --inventory FILE/},
	{
		command: 'screen --threshold',
		args: ['screen', '--threshold', 'abc'],
		exit: 2,
		says: /"abc" is not a score; use a number above 0 and at most 1/,
	},
	{command: 'match', args: ['match', 'only one name'], exit: 2, says: /^vendor-risk: match: expected two names/},
	{command: 'inventory set', args: ['inventory', 'set', '/no/such/inventory.csv'], exit: 2, says: /^vendor-risk: .*inventory\.csv/},
	{command: 'changes', args: ['changes', '--since', '2024-02-30'], exit: 2, says: /"2024-02-30" is not a date; use YYYY-MM-DD/},
	{command: 'config set', args: ['config', 'set', 'colour', 'red'], exit: 2, says: /^vendor-risk: config: unknown key "colour"/},
	{
		command: 'decide',
		args: ['decide', 'no-such-vendor', 'reject', '--reason', 'sanctioned-entity'],
		exit: 2,
		says: /^vendor-risk: unknown vendor "no-such-vendor"/,
	},
	{command: 'log export', args: ['log', 'export', '--format', 'xml'], exit: 2, says: /^vendor-risk: unknown format "xml"/},
	{
		command: 'an unknown command',
		args: ['lst', 'vendors'],
		exit: 2,
		says: /^vendor-risk: unknown command "lst"\n {2}hint: did you mean list\?/,
	},
	{command: '--as-of', args: ['list', 'vendors', '--as-of', 'yesterday'], exit: 2, says: /"yesterday" is not a date/},
];

describe('one voice for bad input', () => {
	it.each(cases)('$command', ({args, exit, says}) => {
		const result = runCli(args, home.path);
		expect(result.status).toBe(exit);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(says);
		const lines = result.stderr.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^vendor-risk: \S/);
		expect(lines.length).toBeLessThanOrEqual(2);
		if (lines[1] !== undefined) expect(lines[1]).toMatch(/^ {2}hint: /);
		expect(result.stderr).not.toMatch(/^\s+at /m);
	});

	it('log verify on a damaged store is a failure (exit 1) in the same voice', () => {
		mkdirSync(join(home.path, 'data'), {recursive: true});
		writeFileSync(join(home.path, 'data', 'decisions-00001.json'), '{not json');
		const result = runCli(['log', 'verify'], home.path);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/^vendor-risk: \S/);
		expect(result.stderr).not.toMatch(/^\s+at /m);
	});

	it("help [command] shows that command's help", () => {
		const result = runCli(['help', 'screen'], home.path);
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^Usage: vendor-risk screen \[options\]/);
		expect(result.stdout).toContain('--fail-on');
	});
});
