// The files the bundle reads beside its chunks (the embedded dataset, the dictionary's words, any-ascii's
// table, the scripts of source/build/on-first-use.mjs) give the built bin the same answers as the source:
// names romanised through any-ascii (Arabic, Meetei Mayek), transliteration (Cyrillic, Thai), wanakana and
// es-hangul (kana, Hangul) and weighed by the dictionary; lists parsed by saxes (OFAC XML) and papaparse
// (CSL CSV), pairs read by csv-parse and findings written by csv-stringify.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadEmbeddedRecords} from '../../source/records/index.js';
import {parseListFile} from '../../source/sources/index.js';
import {scoreNames} from '../../source/screening/index.js';
import {runCli} from '../commands/cli.js';
import {fixture, temporaryHome} from '../helpers.js';

/** The built bin's stdout; it must exit 0. */
function stdoutOf(args: string[], home: string): string {
	const result = runCli(args, home);
	expect(result.status, result.stderr).toBe(0);
	return result.stdout;
}

describe('the bundle reads its data files as the source reads them', () => {
	it('match: the same normalised names, token weights and score as the matcher in the source', () => {
		const home = temporaryHome();
		try {
			// Arabic and Meetei Mayek are read by any-ascii, Cyrillic and Thai by transliteration, kana and Hangul by wanakana and es-hangul; "dolphin" is a dictionary word, weighed as one.
			const pairs: Array<[string, string]> = [
				['محمد بن سلمان آل سعود', 'Mohammed bin Salman Al Saud'],
				['ꯃꯣꯍꯝꯃꯦꯗ ꯕꯤꯟ ꯁꯜꯃꯥꯟ', 'Mohammed bin Salman'],
				['Банк России', 'Bank Rossii'],
				['ธนาคารกรุงเทพ', 'Bangkok Bank'],
				['カスペルスキー', 'Kaspersky'],
				['삼성전자', 'Samsung Electronics'],
				['Dolphin Kasperskiy Lab', 'Kaspersky Lab'],
			];
			for (const [a, b] of pairs) {
				const printed = JSON.parse(stdoutOf(['match', a, b, '--json'], home.path)) as {
					normalized_a: string;
					tokens: unknown;
				};
				const expected = scoreNames(a, b);
				expect(printed.normalized_a, a).toBe(expected.normalizedA);
				expect(printed.tokens, a).toEqual(JSON.parse(JSON.stringify(expected.tokenScores)));
			}
		} finally {
			home.remove();
		}
	});

	it('list vendors --json: every curated vendor of the embedded dataset', () => {
		const home = temporaryHome();
		try {
			const printed = JSON.parse(stdoutOf(['list', 'vendors', '--json'], home.path)) as {rows: Array<{id: string}>};
			expect(printed.rows.map(row => row.id).sort()).toEqual(
				loadEmbeddedRecords()
					.vendors.map(vendor => vendor.id)
					.sort(),
			);
		} finally {
			home.remove();
		}
	});

	it('lists parsed by saxes and papaparse, pairs read by csv-parse, findings written by csv-stringify', async () => {
		const home = temporaryHome();
		const run = (...args: string[]) => stdoutOf(args, home.path);
		try {
			for (const list of [fixture('ofac-xml', 'sdn.xml'), fixture('csl-csv', 'consolidated_2025_small.csv')]) {
				const printed = JSON.parse(run('--source', list, 'list', 'entries', '--json')) as {rows: Array<{id: string}>};
				const {entities} = await parseListFile(list);
				expect(printed.rows.map(row => row.id).sort(), list).toEqual(entities.map(entity => entity.id).sort());
			}
			const pairs = join(home.path, 'pairs.csv');
			writeFileSync(pairs, 'name_a,name_b\nHuawei,"Huawey, Ltd."\n');
			const scored = JSON.parse(run('match', '--pairs', pairs)) as {name_b: string; match: boolean};
			expect(scored).toMatchObject({name_b: 'Huawey, Ltd.', match: true});
			const inventory = join(home.path, 'inventory.csv');
			writeFileSync(inventory, 'name,country\n"Kaspersky Lab, Inc.",US\n');
			const [header, row] = run('--inventory', inventory, 'screen', '--format', 'csv').split('\n');
			expect(header).toMatch(/^vendor_id,vendor_name,/);
			expect(row).toContain('"Kaspersky Lab, Inc."');
		} finally {
			home.remove();
		}
	});
});
