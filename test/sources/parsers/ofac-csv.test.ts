import {appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {ScreeningEntity} from '../../../source/records/index.js';
import {ListFormatError, ofacCompanionNames, parseListFile, parseListInto} from '../../../source/sources/parsers/index.js';
import {fixture} from './helpers.js';

const ofactest = fixture('ofac-sdn-csv/ofactest_sdn.csv');
const staticSlice = fixture('ofac-sdn-csv/static_slice_sdn.csv');

describe('OFAC SDN CSV', () => {
	it('reads every entry of the ofactest set', async () => {
		const parsed = await parseListFile(ofactest);
		expect(parsed.format).toBe('ofac-csv');
		expect(parsed.entities).toHaveLength(17);
		expect(parsed.warnings).toEqual([]);
	});

	it('reads every entry of the static slice', async () => {
		expect((await parseListFile(staticSlice)).entities).toHaveLength(296);
	});

	it('splits programmes joined by "] ["', async () => {
		const {entities} = await parseListFile(ofactest);
		expect(entities.find(entity => entity.id === 'ofac-11195')!.programs).toEqual(['NPWMD', 'IFSR', 'IRAN-CON-ARMS-EO']);
	});

	it('joins aliases from alt.csv and addresses from add.csv', async () => {
		const {entities} = await parseListFile(ofactest);
		const company = entities.find(entity => entity.id === 'ofac-11195')!;
		expect(company.aliases).toContain('HESA TRADE CENTER');
		expect(company.addresses).toContain('P.O. Box 83145-311, 28 km Esfahan - Tehran Freeway, Shahin Shahr, Esfahan, Iran');
		expect(company.countries).toEqual(['Iran']);
	});

	it('maps the SDN types, with "-0- " meaning an entity', async () => {
		const {entities} = await parseListFile(ofactest);
		expect(entities.find(entity => entity.id === 'ofac-10278')).toMatchObject({
			name: 'LOGAN MOREY, Elvis Angus',
			type: 'person',
			list: 'SDN',
		});
		expect(entities.find(entity => entity.id === 'ofac-11195')!.type).toBe('entity');
		expect(new Set(entities.map(entity => entity.type))).toEqual(new Set(['person', 'entity', 'vessel', 'aircraft']));
	});

	it('appends sdn_comments.csv to the remarks it continues', async () => {
		const {entities} = await parseListFile(ofactest);
		expect(entities.find(entity => entity.id === 'ofac-33151')!.remarks).toContain(
			'XBT 1B64QRxfaa35MVkf7sDjuGUYAP5izQt7Qi; Digital Currency Address - ETH',
		);
	});

	it('never lets the Ctrl-Z end-of-file byte through', async () => {
		const {entities} = await parseListFile(staticSlice);
		const text = JSON.stringify(entities);
		expect(readFileSync(fixture('ofac-sdn-csv/static_slice_add.csv'), 'latin1')).toContain('\u001A');
		expect(text).not.toContain('\u001A');
		expect(text).not.toContain('\u241A');
	});

	it('parses without a missing companion file and warns naming it', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'vendor-risk-ofac-'));
		copyFileSync(ofactest, join(directory, 'sdn.csv'));
		copyFileSync(fixture('ofac-sdn-csv/ofactest_alt.csv'), join(directory, 'alt.csv'));
		const parsed = await parseListFile(join(directory, 'sdn.csv'));
		expect(parsed.entities).toHaveLength(17);
		expect(parsed.entities.find(entity => entity.id === 'ofac-11195')!.aliases).toContain('HESA TRADE CENTER');
		expect(parsed.warnings).toHaveLength(2);
		expect(parsed.warnings[0]).toContain('add.csv was not found');
		expect(parsed.warnings[1]).toContain('sdn_comments.csv was not found');
	});

	it('hands each entry on as its row is read: a broken row comes after the entries before it', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'vendor-risk-ofac-'));
		try {
			for (const part of ['sdn', 'alt', 'add', 'sdn_comments'])
				copyFileSync(fixture(`ofac-sdn-csv/ofactest_${part}.csv`), join(directory, `${part}.csv`));
			appendFileSync(join(directory, 'sdn.csv'), '99999,"A ROW CUT SHORT"\n');
			const handedOn: ScreeningEntity[] = [];
			const parsing = parseListInto(join(directory, 'sdn.csv'), {}, entity => handedOn.push(entity));
			await expect(parsing).rejects.toThrow(ListFormatError);
			await expect(parsing).rejects.toThrow(/but line \d+ has 2/);
			expect(handedOn).toEqual((await parseListFile(ofactest)).entities);
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}
	});

	it('names the companion files beside the main file', () => {
		expect(ofacCompanionNames('x/ofactest_sdn.csv')).toEqual({
			alt: 'x/ofactest_alt.csv',
			add: 'x/ofactest_add.csv',
			comments: 'x/ofactest_sdn_comments.csv',
		});
		expect(ofacCompanionNames('sdn.csv')).toEqual({alt: 'alt.csv', add: 'add.csv', comments: 'sdn_comments.csv'});
		expect(ofacCompanionNames('dl/SDN.CSV')).toEqual({alt: 'dl/ALT.CSV', add: 'dl/ADD.CSV', comments: 'dl/SDN_COMMENTS.CSV'});
	});
});
