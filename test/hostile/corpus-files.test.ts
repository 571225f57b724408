// The broken-input corpus for files: one-off list sources (`--source`), records documents
// (`--records`) and the vendor inventory. The CLI must exit 2 with one line naming the file,
// what is wrong and what to do; accepted oddities (a BOM, UTF-16) must parse; memory stays small.
// Rows marked `cli` run the built CLI as a child with its peak memory measured (the big inputs
// and one of each kind); the others call what the CLI calls, in-process, and map the error
// to a line and an exit code exactly as the CLI's top level does.
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {exitCodeOf, UserInputError} from '../../source/errors/index.js';
import {loadRecordsFile} from '../../source/records/load.js';
import type {SourceFormat} from '../../source/records/list-entries.js';
import {readOneOffSource} from '../../source/sources/index.js';
import {sanitizeText} from '../../source/text/index.js';
import {parseInventoryFile} from '../../source/screening/index.js';
import {parseListFile} from '../../source/sources/parsers/index.js';
import {fixture, temporaryHome} from '../helpers.js';
import * as body from './corpus/bodies.js';
import {errorLines, runMeasured} from './corpus/measure.js';

const peakRssLimitMiB = 300;
/** The default cap on local inputs (settings.maxInputBytes falls back to maxDownloadBytes). */
const inputLimit = 512 * 1024 * 1024;
const huge = 10 * body.mib;

let home: ReturnType<typeof temporaryHome>;
let folder: string;
beforeAll(() => {
	home = temporaryHome();
	folder = join(home.path, 'inputs');
	mkdirSync(folder, {recursive: true});
});
afterAll(() => home.remove());

let fileCount = 0;
/** Writes the input under its own folder (OFAC companions are looked up beside the main file). */
function write(name: string, content: string | Buffer, beside: Record<string, string> = {}): string {
	const directory = join(folder, String(fileCount++));
	mkdirSync(directory);
	for (const [file, text] of Object.entries(beside)) writeFileSync(join(directory, file), text);
	writeFileSync(join(directory, name), content);
	return join(directory, name);
}

type Outcome = {fails: RegExp} | {count: number};
/** `blames`: the file the message must name when it is not the one given (an OFAC companion). */
type FileCase = {
	name: string;
	file: string;
	blames?: string;
	cli?: boolean;
	content: () => string | Buffer;
	beside?: () => Record<string, string>;
	format?: SourceFormat;
	outcome: Outcome;
};

const ftmLine = (entity: object) => JSON.stringify(entity);
/** Entities the good FollowTheMoney fixture yields (relation schemas are not entries). */
const ftmCount = (await parseListFile(fixture('opensanctions-ftm', 'yente_t1_eu_fsf_entities.ftm.json'))).entities.length;

function expectOneCleanLine(stderr: string, file: string): string {
	const lines = errorLines(stderr);
	expect(lines, stderr).toHaveLength(1);
	expect(stderr).not.toMatch(/^\s+at /m);
	expect(stderr).not.toMatch(/\u001B|Error:/);
	expect(lines[0]).toMatch(/^vendor-risk: /);
	expect(lines[0]).toContain(file);
	return lines[0]!;
}

type Run = {status: number; stdout: string; stderr: string; timedOut: boolean; peakRssMiB: number};

/** What cli.tsx does with an error: `vendor-risk: <message>` on stderr and exitCodeOf(error). */
async function inProcess(read: () => Promise<number>): Promise<Run> {
	try {
		const count = await read();
		return {status: 0, stdout: JSON.stringify({count}), stderr: '', timedOut: false, peakRssMiB: 0};
	} catch (error) {
		return {
			status: exitCodeOf(error),
			stdout: '',
			stderr: `vendor-risk: ${sanitizeText((error as Error).message)}\n`,
			timedOut: false,
			peakRssMiB: 0,
		};
	}
}

async function expectCase(run: Run, path: string, file: string, outcome: Outcome, countOf: (stdout: string) => number) {
	expect(run.timedOut).toBe(false);
	expect(run.peakRssMiB).toBeLessThan(peakRssLimitMiB);
	if ('fails' in outcome) {
		expect(run.status, run.stdout + run.stderr).toBe(2);
		expect(run.stdout).toBe('');
		expect(expectOneCleanLine(run.stderr, file)).toMatch(outcome.fails);
	} else {
		expect(run.status, run.stderr).toBe(0);
		expect(countOf(run.stdout)).toBe(outcome.count);
	}
	return path;
}

const listCount = (stdout: string) => (JSON.parse(stdout) as {count: number}).count;

const sourceCases: FileCase[] = [
	{
		cli: true,
		name: 'OFAC XML cut off mid-document is rejected as not well-formed',
		file: 'sdn.xml',
		content: () => body.sdnXml().slice(0, 3000),
		outcome: {fails: /not well-formed XML \(.*unclosed tag.*\).*fetch it again/},
	},
	{
		name: 'OFAC XML that defines its own entities (billion laughs) is rejected without expanding them',
		file: 'sdn.xml',
		content: () =>
			`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({length: 9}, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level || ''};`.repeat(10)}">`).join('')}]><sdnList xmlns="http://tempuri.org/sdnList.xsd"><sdnEntry><uid>1</uid><lastName>&lol9;</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>`,
		outcome: {fails: /not well-formed XML .*undefined entity/},
	},
	{
		name: 'a FollowTheMoney line that is not valid JSON is rejected naming the line',
		file: 'entities.ftm.json',
		content: () => body.ftm().replace(/\n/, '\n{"id": "broken", "schema": \n'),
		outcome: {fails: /line 2 is not valid JSON .*fetch the file again/},
	},
	{
		name: 'a FollowTheMoney line of the wrong shape is rejected as not an entity',
		file: 'entities.ftm.json',
		format: 'opensanctions-ftm',
		content: () => `{"id": "x", "caption": "no schema"}\n${body.ftm()}`,
		outcome: {fails: /line 1 is not a FollowTheMoney entity/},
	},
	{
		cli: true,
		name: 'a FollowTheMoney entity with a 10 MB name is read in bounded memory',
		file: 'entities.ftm.json',
		content: () => `${body.ftm()}\n${ftmLine({id: 'huge', schema: 'Person', properties: {name: [body.hugeString(huge)]}})}\n`,
		outcome: {count: ftmCount + 1},
	},
	{
		cli: true,
		name: 'a FollowTheMoney property nested 100,000 arrays deep is ignored, not recursed into',
		file: 'entities.ftm.json',
		content: () =>
			`${body.ftm()}\n{"id":"deep","schema":"Person","properties":{"name":["Deep Person"],"notes":${body.nestedArrays(100_000)}}}\n`,
		outcome: {count: ftmCount + 1},
	},
	{
		name: 'CSL JSON holding NaN where a number belongs is rejected as invalid JSON',
		file: 'el.json',
		content: () => body.cslJson().replace('"name":', '"gross_tonnage": NaN, "name":'),
		outcome: {fails: /not valid JSON .*CSL JSON/},
	},
	{
		name: 'a CSL CSV whose every row repeats an id keeps the first of each',
		file: 'consolidated.csv',
		content: () => `${body.cslCsv().trimEnd()}\n${body.cslCsv().split('\n').slice(1).join('\n')}`,
		outcome: {count: body.cslCsvCount},
	},
	{
		cli: true,
		name: 'an OpenSanctions targets.simple.csv row with the wrong column count is rejected naming the line',
		file: 'targets.simple.csv',
		content: () => body.simpleCsv().replace(/\n/, '\n"only","three","columns"\n'),
		outcome: {fails: /expected 15 columns .* but line 2 has 3; the file is damaged/},
	},
	{
		name: 'an OpenSanctions targets.simple.csv without its header is rejected as missing the header',
		file: 'targets.simple.csv',
		format: 'opensanctions-csv',
		content: () => body.simpleCsv().split('\n').slice(1).join('\n'),
		outcome: {fails: /missing the targets\.simple\.csv header/},
	},
	{
		cli: true,
		name: 'an OFAC sdn.csv row with a negative entity number is rejected',
		file: 'ofactest_sdn.csv',
		format: 'ofac-csv',
		content: () => body.ofacSdn().replace(/^\d+,/m, '-36,'),
		outcome: {fails: /line 1 does not start with an entity number/},
	},
	{
		name: 'an OFAC alt.csv companion with the wrong column count is rejected naming that file',
		file: 'ofactest_sdn.csv',
		blames: 'ofactest_alt.csv',
		content: body.ofacSdn,
		beside: () => ({'ofactest_alt.csv': body.ofacCompanion('alt').replace(/\r?\n/, '\r\n1,2,3\r\n')}),
		outcome: {fails: /ofactest_alt\.csv: expected 5 columns \(OFAC alt\.csv\) but line 2 has 3/},
	},
];

// Every case reads a file of its own and writes nothing, so the cases run side by side: the
// CLI ones are child processes that would otherwise leave a core idle.
describe('hostile and broken list files read with --source', () => {
	it.concurrent.each(sourceCases)('$name', async ({file, blames, cli, content, beside, format, outcome}) => {
		const path = write(file, content(), beside?.());
		const run = cli
			? await runMeasured(['--source', path, ...(format ? ['--source-format', format] : []), 'list', 'entries', '--json'], home.path)
			: await inProcess(async () => (await readOneOffSource(path, {format, env: {VENDOR_RISK_HOME: home.path}})).entities.length);
		await expectCase(run, path, blames ?? file, outcome, listCount);
	});
});

type RecordsJson = body.RecordsJson;
const edit = (change: (document: RecordsJson) => void) => () => body.recordsWith(change);

const recordsCases: FileCase[] = [
	{
		cli: true,
		name: 'a records document cut off mid-way is rejected as invalid JSON',
		file: 'records.json',
		content: () => body.records().slice(0, 5000),
		outcome: {fails: /not valid JSON .*"schemaVersion": 1/},
	},
	{
		name: 'a JSON array instead of a records document is rejected at the root',
		file: 'records.json',
		content: () => '[]',
		outcome: {fails: /invalid records document at \$: .*docs\/records\.md/},
	},
	{
		name: 'an impossible date (2024-02-30) in a milestone is rejected naming its path',
		file: 'records.json',
		content: edit(document => (document.restrictions[0]!.milestones[0]!['date'] = '2024-02-30')),
		outcome: {fails: /at \$\.restrictions\[0\]\.milestones\[0\]\.date: expected a date as YYYY-MM-DD/},
	},
	{
		name: 'a day-first date (30/01/2024) as asOf is rejected naming its path',
		file: 'records.json',
		content: edit(document => (document.asOf = '30/01/2024')),
		outcome: {fails: /at \$\.asOf: expected a date as YYYY-MM-DD/},
	},
	{
		name: 'a date in words ("January 5, 2024") is rejected naming its path',
		file: 'records.json',
		content: edit(document => (document.restrictions[1]!['announced'] = 'January 5, 2024')),
		outcome: {fails: /at \$\.restrictions\[1\]\.announced: expected a date/},
	},
	{
		name: 'duplicate vendor ids are rejected naming the second one',
		file: 'records.json',
		content: edit(document => (document.vendors[1]!['id'] = document.vendors[0]!['id'])),
		outcome: {fails: /at \$\.vendors\[1\]\.id: duplicate vendor id/},
	},
	{
		name: 'a negative schemaVersion is rejected',
		file: 'records.json',
		content: edit(document => (document.schemaVersion = -1)),
		outcome: {fails: /at \$\.schemaVersion: /},
	},
	{
		name: 'NaN as schemaVersion is rejected as invalid JSON',
		file: 'records.json',
		content: () => body.records().replace('"schemaVersion": 1', '"schemaVersion": NaN'),
		outcome: {fails: /not valid JSON/},
	},
	{
		cli: true,
		name: 'a records document nested 100,000 arrays deep is rejected without a stack overflow',
		file: 'records.json',
		content: () => `{"schemaVersion":1,"asOf":"2026-01-01","vendors":${body.nestedArrays(100_000)}}`,
		outcome: {fails: /nested more than 64 levels deep/},
	},
	{
		name: 'an empty records file is rejected as empty',
		file: 'records.json',
		content: () => '',
		outcome: {fails: /the records file is empty/},
	},
	{
		name: 'a restriction naming an unknown vendor is rejected naming its path',
		file: 'records.json',
		content: edit(document => (document.restrictions[0]!['vendorId'] = 'no-such-vendor')),
		outcome: {fails: /at \$\.restrictions\[0\]\.vendorId: expected the id of a vendor in this document/},
	},
	{
		cli: true,
		name: 'a records document in UTF-16 with its byte-order mark is decoded and accepted',
		file: 'records.json',
		content: () => body.utf16le(body.records()),
		outcome: {count: body.recordsVendorCount},
	},
	{
		name: 'a records document with a byte-order mark is accepted',
		file: 'records.json',
		content: () => `\uFEFF${body.records()}`,
		outcome: {count: body.recordsVendorCount},
	},
	{
		cli: true,
		name: 'a records document with a 10 MB note is read in bounded memory',
		file: 'records.json',
		content: edit(document => (document.vendors[0]!['notes'] = body.hugeString(huge))),
		outcome: {count: body.recordsVendorCount},
	},
];

describe('hostile and broken records documents read with --records', () => {
	it.concurrent.each(recordsCases)('$name', async ({file, cli, content, outcome}) => {
		const path = write(file, content());
		const run = cli
			? await runMeasured(['--records', path, 'list', 'vendors', '--json'], home.path)
			: await inProcess(async () => (await loadRecordsFile(path, inputLimit)).vendors.length);
		await expectCase(run, path, file, outcome, listCount);
	});
});

type InventoryCase = {
	name: string;
	file: string;
	content: () => string | Buffer;
	outcome: {throws: RegExp} | {vendors: number; errors?: RegExp};
};
const inventoryCsv = 'Vendor Name,Country,Owner\nKaspersky Lab,RU,it-sec\nHuawei Technologies,CN,network\nAcme Corp,US,finance\n';

const inventoryCases: InventoryCase[] = [
	{
		name: 'inventory JSON that is not valid JSON is rejected',
		file: 'inventory.json',
		content: () => '[{"name": "Kaspersky"',
		outcome: {throws: /inventory\.json: not valid JSON/},
	},
	{
		name: 'inventory JSON of the wrong shape is rejected saying what is expected',
		file: 'inventory.json',
		content: () => '{"suppliers": []}',
		outcome: {throws: /expected a JSON array of vendors or an object \{"vendors": \[\.\.\.\]\}/},
	},
	{
		name: 'an inventory CSV with an unbalanced quote is rejected',
		file: 'inventory.csv',
		content: () => `${inventoryCsv}"Never closed,US,x\n`,
		outcome: {throws: /inventory\.csv: not readable as CSV/},
	},
	{
		name: 'an inventory CSV without a vendor name column is rejected listing the headers found',
		file: 'inventory.csv',
		content: () => 'Country,Owner\nRU,it-sec\n',
		outcome: {throws: /no vendor name column .*headers found: "Country", "Owner"/},
	},
	{
		name: 'an inventory CSV row with extra columns is skipped with a row error',
		file: 'inventory.csv',
		content: () => inventoryCsv.replace('Acme Corp,US,finance', 'Acme, Corp,US,finance,extra'),
		outcome: {vendors: 2, errors: /line 4: expected 3 fields, got 5/},
	},
	{
		name: 'an empty inventory file is rejected as empty',
		file: 'inventory.csv',
		content: () => '',
		outcome: {throws: /inventory\.csv: the file is empty/},
	},
	{
		name: 'inventory JSON nested 100,000 arrays deep is read without a stack overflow',
		file: 'inventory.json',
		content: () => `[${body.nestedArrays(100_000)}, {"name": "Acme Corp"}]`,
		outcome: {vendors: 1, errors: /vendors\[0\]: expected an object/},
	},
	{
		name: 'an inventory CSV with a byte-order mark is read',
		file: 'inventory.csv',
		content: () => `\uFEFF${inventoryCsv}`,
		outcome: {vendors: 3},
	},
	{
		name: 'an inventory repeating a row reads one vendor (identity is the name, never the row)',
		file: 'inventory.csv',
		content: () => `${inventoryCsv}Acme Corp,US,finance\n`,
		outcome: {vendors: 3},
	},
	{
		name: 'two rows of one name that disagree are one vendor, and the disagreement is reported',
		file: 'inventory.csv',
		content: () => `${inventoryCsv}ACME Corp.,DE,finance\n`,
		outcome: {vendors: 3, errors: /line 5: country "DE" differs from "US" on line 4.*add an id column/},
	},
	{
		name: 'two vendors of one name with different websites stay two, under distinct ids',
		file: 'inventory.csv',
		content: () => 'Vendor Name,Website\nAcme Corp,acme.com\nAcme Corp,acme.de\n',
		outcome: {vendors: 2},
	},
	{
		name: 'an inventory row with negative and NaN numbers as names is read as text',
		file: 'inventory.json',
		content: () => '[{"name": -1}, {"name": "NaN"}, {"name": "Acme"}]',
		outcome: {vendors: 3},
	},
];

describe('hostile and broken vendor inventories', () => {
	it.each(inventoryCases)('$name', async ({file, content, outcome}) => {
		const path = write(file, content());
		if ('throws' in outcome) {
			let error: unknown;
			try {
				await parseInventoryFile(path, inputLimit);
			} catch (caught) {
				error = caught;
			}
			expect(error).toBeInstanceOf(UserInputError);
			const message = (error as Error).message;
			expect(message.split('\n')).toHaveLength(1);
			expect(message).toMatch(outcome.throws);
		} else {
			const parsed = await parseInventoryFile(path, inputLimit);
			expect(parsed.vendors).toHaveLength(outcome.vendors);
			expect(new Set(parsed.vendors.map(vendor => vendor.id)).size).toBe(outcome.vendors);
			if (outcome.errors) expect(parsed.errors.join('\n')).toMatch(outcome.errors);
			else expect(parsed.errors).toEqual([]);
		}
	});
});

describe('inputs that once failed badly', () => {
	it('a directory given as --source is rejected with one line and exit 2 (source/sources/fetch/index.ts readOneOffSource)', async () => {
		const path = join(folder, 'a-directory');
		mkdirSync(path, {recursive: true});
		await expectCase(
			await runMeasured(['--source', path, 'list', 'entries', '--json'], home.path),
			path,
			'a-directory',
			{fails: /directory/},
			listCount,
		);
	});

	it('an inventory in UTF-16 with its byte-order mark is decoded (source/screening/inventory.ts parseInventoryFile)', async () => {
		const path = write('inventory.csv', body.utf16le(inventoryCsv));
		expect((await parseInventoryFile(path, inputLimit)).vendors).toHaveLength(3);
	});
});
