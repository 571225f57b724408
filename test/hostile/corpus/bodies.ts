// The broken inputs of the corpus, built from the shared real fixtures: each is a small
// edit of a real download (cut, re-encoded, re-quoted) or a hostile shape made on the spot.
import {readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {fixture} from '../../helpers.js';

export const read = (...parts: string[]) => readFileSync(fixture(...parts));
export const readText = (...parts: string[]) => readFileSync(fixture(...parts), 'utf8');

export const cslCsv = () => readText('csl-csv', 'consolidated_2025_small.csv');
export const cslCsvCount = 13;
export const cslJson = () => readText('csl-json', 'el_expected_results.json');
export const cslJsonCount = 7;
export const ofacSdn = () => readText('ofac-sdn-csv', 'ofactest_sdn.csv');
export const ofacCount = 17;
export const ofacCompanion = (kind: 'alt' | 'add' | 'sdn_comments') => readText('ofac-sdn-csv', `ofactest_${kind}.csv`);
export const ftm = () => readText('opensanctions-ftm', 'yente_t1_eu_fsf_entities.ftm.json');
export const simpleCsv = () => readText('opensanctions-targets-simple-csv', 'sa_wiki_peps_targets.simple.csv');
export const sdnXml = () => readText('ofac-xml', 'sdn.xml');
export const records = () => readFileSync(new URL('../../../source/records/dataset.json', import.meta.url), 'utf8');
export const recordsVendorCount = (JSON.parse(records()) as {vendors: unknown[]}).vendors.length;

export const lines = (text: string) => text.split(/\r?\n/);
export const mib = 1024 * 1024;

/** `[[[…]]]` nested `depth` deep. */
export const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** A string of `bytes` letters: one field big enough to hurt if anything copies it around carelessly. */
export const hugeString = (bytes: number) => 'A'.repeat(bytes);

/** The CSL CSV with one more row whose name field is `bytes` long. */
export function cslCsvWithHugeName(bytes: number): string {
	const [header, first] = lines(cslCsv());
	const row = first!.split('","');
	row[5] = hugeString(bytes);
	return `${header}\n${row.join('","')}\n${cslCsv().split('\n').slice(1).join('\n')}`;
}

/** UTF-16 LE with (or without) its byte-order mark. */
export const utf16le = (text: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);

/** The text with one byte that can never appear in UTF-8 (0xFF) inside the first entry's name. */
export function withInvalidUtf8(text: string, marker: string): Buffer {
	const at = text.indexOf(marker);
	if (at < 0) throw new Error(`marker ${marker} not found`);
	return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(text.slice(at))]);
}

/**
 * A gzip body of about 1 KiB per MiB it inflates to: one gzipped MiB of zeros repeated as
 * `mebibytes` gzip members (a valid gzip stream, as \`cat a.gz b.gz\` makes), so it is cheap to build.
 */
export function gzipBomb(mebibytes: number): Buffer {
	const member = gzipSync(Buffer.alloc(mib), {level: 9});
	return Buffer.concat(Array.from({length: mebibytes}, () => member));
}

export type RecordsJson = {
	schemaVersion: unknown;
	asOf: unknown;
	vendors: Array<Record<string, unknown>>;
	restrictions: Array<Record<string, unknown> & {milestones: Array<Record<string, unknown>>}>;
	[key: string]: unknown;
};

/** A records document edited by `change` (a deep copy of the embedded dataset). */
export function recordsWith(change: (document: RecordsJson) => void): string {
	const document = JSON.parse(records()) as RecordsJson;
	change(document);
	return JSON.stringify(document);
}
