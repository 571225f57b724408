// The files the bundle reads beside its chunks (the embedded dataset, the dictionary's words,
// any-ascii's table, transliteration's script: source/build/bundle.mjs) give the built bin the same
// answers as the source: names romanised through any-ascii (Arabic, Meetei Mayek) and transliteration
// (Cyrillic, Thai), and weighed by the dictionary.
import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {loadEmbeddedRecords} from '../../source/records/index.js';
import {scoreNames} from '../../source/screening/index.js';
import {builtCli, childEnvironment, temporaryHome} from '../helpers.js';

describe('the bundle reads its data files as the source reads them', () => {
	it('match: the same normalised names, token weights and score as the matcher in the source', () => {
		const home = temporaryHome();
		try {
			// Arabic and Meetei Mayek are read by any-ascii, Cyrillic and Thai by transliteration; "dolphin" is a dictionary word, weighed as one.
			const pairs: Array<[string, string]> = [
				['محمد بن سلمان آل سعود', 'Mohammed bin Salman Al Saud'],
				['ꯃꯣꯍꯝꯃꯦꯗ ꯕꯤꯟ ꯁꯜꯃꯥꯟ', 'Mohammed bin Salman'],
				['Банк России', 'Bank Rossii'],
				['ธนาคารกรุงเทพ', 'Bangkok Bank'],
				['Dolphin Kasperskiy Lab', 'Kaspersky Lab'],
			];
			for (const [a, b] of pairs) {
				const printed = JSON.parse(
					execFileSync(process.execPath, [builtCli, 'match', a, b, '--json'], {env: childEnvironment(home.path), encoding: 'utf8'}),
				) as {
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
			const printed = JSON.parse(
				execFileSync(process.execPath, [builtCli, 'list', 'vendors', '--json'], {env: childEnvironment(home.path), encoding: 'utf8'}),
			) as {rows: Array<{id: string}>};
			expect(printed.rows.map(row => row.id).sort()).toEqual(
				loadEmbeddedRecords()
					.vendors.map(vendor => vendor.id)
					.sort(),
			);
		} finally {
			home.remove();
		}
	});
});
