import {openSync, readSync, closeSync} from 'node:fs';
import {basename} from 'node:path';
import {describe, expect, it} from 'vitest';
import {detectFormat} from '../../../source/sources/parsers/index.js';
import {fixture} from './helpers.js';

function head(path: string): string {
	const buffer = Buffer.alloc(64 * 1024);
	const descriptor = openSync(path, 'r');
	const length = readSync(descriptor, buffer, 0, buffer.length, 0);
	closeSync(descriptor);
	return buffer.subarray(0, length).toString('utf8');
}

describe('detectFormat', () => {
	it.each([
		['csl-csv/consolidated_2022-05-16_sample.csv', 'csl-csv'],
		['csl-csv/consolidated_2025_small.csv', 'csl-csv'],
		['csl-csv/consolidated_2019_legacy_28col.csv', 'csl-csv'],
		['csl-json/el_expected_results.json', 'csl-json'],
		['csl-json/sdn_expected_results.json', 'csl-json'],
		['csl-json/dpl_expected_results.json', 'csl-json'],
		['csl-json/uvl_expected_results.json', 'csl-json'],
		['csl-json/isn_expected_results.json', 'csl-json'],
		['csl-json/dtc_expected_results.json', 'csl-json'],
		['ofac-sdn-csv/ofactest_sdn.csv', 'ofac-csv'],
		['ofac-sdn-csv/static_slice_sdn.csv', 'ofac-csv'],
		['ofac-xml/sdn.xml', 'ofac-xml'],
		['ofac-xml/treasury_consolidated.xml', 'ofac-xml'],
		['ofac-xml/CONS_ENHANCED_first150.xml', 'ofac-xml'],
		['opensanctions-ftm/yente_t1_eu_fsf_entities.ftm.json', 'opensanctions-ftm'],
		['opensanctions-ftm/sa_wiki_peps_entities.ftm.json', 'opensanctions-ftm'],
		['opensanctions-ftm/sa_wiki_peps_targets.nested.json', 'opensanctions-ftm'],
		['opensanctions-targets-simple-csv/sa_wiki_peps_targets.simple.csv', 'opensanctions-csv'],
	])('recognises %s as %s', (file, format) => {
		expect(detectFormat(head(fixture(file)), basename(file))).toBe(format);
	});

	it('recognises a records document by its schemaVersion', () => {
		expect(detectFormat('{\n  "schemaVersion": 1,\n  "vendors": []\n}', 'records.json')).toBe('records');
	});

	it('recognises the CSL bulk JSON wrapper', () => {
		expect(detectFormat('{"total": 1, "results": [{"name": "x", "source": "y"}]}', 'consolidated.json')).toBe('csl-json');
	});

	it('returns null for content it does not know', () => {
		expect(detectFormat('name,country\nACME,US\n', 'vendors.csv')).toBeNull();
		expect(detectFormat('{"hello": "world"}', 'x.json')).toBeNull();
		expect(detectFormat('<rss version="2.0"></rss>', 'feed.xml')).toBeNull();
	});

	it('does not let the file name override the content', () => {
		expect(detectFormat('name,country\nACME,US\n', 'sdn.xml')).toBeNull();
	});
});
