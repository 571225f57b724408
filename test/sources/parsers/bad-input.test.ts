import {describe, expect, it} from 'vitest';
import {ListFormatError, parseListFile} from '../../../source/sources/parsers/index.js';
import type {SourceFormat} from '../../../source/records/list-entries.js';
import {scratchFiles} from './helpers.js';

const cslHeader =
	'_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids';
const cslRow = (id: string, name: string) => `${id},Entity List (EL) - Bureau of Industry and Security,,,,${name}${','.repeat(23)}`;

/** The one-line error a bad file produces. */
async function failure(files: Record<string, string | Uint8Array>, format?: SourceFormat): Promise<ListFormatError> {
	const [name] = Object.keys(files);
	const error = await parseListFile(scratchFiles(files), {format, inputName: name}).then(
		() => null,
		(error: unknown) => error,
	);
	expect(error).toBeInstanceOf(ListFormatError);
	const message = (error as ListFormatError).message;
	expect(message.startsWith(`${name}: `)).toBe(true);
	expect(message).not.toMatch(/[\r\n]|\bat .+:\d+:\d+/);
	return error as ListFormatError;
}

describe('bad input', () => {
	it('rejects invalid JSON', async () => {
		expect((await failure({'list.json': '[{"name": "ACME", '}, 'csl-json')).message).toMatch(/not valid JSON .*fetch it again/);
	});

	it('rejects JSON of the wrong shape', async () => {
		expect((await failure({'list.json': '{"data": []}'}, 'csl-json')).message).toMatch(
			/expected CSL JSON .* but found an object without a "results" array/,
		);
	});

	it('rejects an HTML page saved in place of the data', async () => {
		expect((await failure({'consolidated.csv': '<!DOCTYPE html>\n<html><body>Service unavailable</body></html>'})).message).toMatch(
			/HTML web page, not list data/,
		);
	});

	it('rejects an HTML page even when a format is given', async () => {
		expect((await failure({'sdn.xml': '<html><head></head></html>'}, 'ofac-xml')).message).toMatch(/HTML web page/);
	});

	it('rejects an empty file', async () => {
		expect((await failure({'consolidated.csv': ''})).message).toBe('consolidated.csv: the file is empty (0 bytes); download it again');
	});

	it('rejects content whose format it cannot recognise', async () => {
		expect((await failure({'vendors.csv': 'name,country\nACME,US\n'})).message).toMatch(
			/cannot tell which list format.*pass --format with one of records, csl-json/,
		);
	});

	it('rejects a CSV with an unbalanced quote', async () => {
		expect((await failure({'consolidated.csv': `${cslHeader}\n${cslRow('a1', '"ACME')}\n`})).message).toMatch(
			/quoted field is never closed.*unbalanced/,
		);
	});

	it('rejects a CSL CSV row with the wrong number of columns', async () => {
		const message = (
			await failure({'consolidated.csv': `${cslHeader}\n${cslRow('a1', 'ACME')}\n${cslRow('a2', 'B')}\na3,Entity List,,,,Short,,,,,,\n`})
		).message;
		expect(message).toBe(
			'consolidated.csv: expected 29 columns (CSL CSV, as its header says; the download has 29, or 28 in the 2019 layout) but line 4 has 12; check the file is the CSL CSV download or pass --format',
		);
	});

	it('rejects a CSL CSV without its header', async () => {
		expect((await failure({'consolidated.csv': `${cslRow('a1', 'ACME')}\n`}, 'csl-csv')).message).toMatch(/missing the CSL CSV header/);
	});

	it('rejects an OFAC companion file passed instead of sdn.csv', async () => {
		expect((await failure({'alt.csv': '10416,10278,"aka","KARADH AL-HASSAN",-0- \r\n'})).message).toMatch(
			/expected 12 columns \(OFAC sdn\.csv\) but line 1 has 5; pass the sdn\.csv file/,
		);
	});

	it('rejects a FollowTheMoney line that is not JSON', async () => {
		const good = JSON.stringify({id: 'x', schema: 'Person', properties: {name: ['A']}, target: true});
		expect((await failure({'e.ftm.json': `${good}\n{broken\n`})).message).toMatch(/line 2 is not valid JSON/);
	});

	it('rejects a FollowTheMoney line without schema and properties', async () => {
		expect((await failure({'e.ftm.json': '{"id": "x", "name": "A"}\n'}, 'opensanctions-ftm')).message).toMatch(
			/line 1 is not a FollowTheMoney entity/,
		);
	});

	it('rejects truncated XML', async () => {
		expect((await failure({'sdn.xml': '<?xml version="1.0"?>\n<sdnList><sdnEntry><uid>1</uid><lastName>A'})).message).toMatch(
			/not well-formed XML .*fetch it again/,
		);
	});

	it('rejects an invalid records document with the records module message', async () => {
		expect((await failure({'records.json': '{"schemaVersion": 2}'})).message).toMatch(/^records\.json: invalid records document at/);
	});

	it('rejects a path that does not exist', async () => {
		const error = await parseListFile('/nonexistent/vendor-risk/sdn.csv').catch((error: unknown) => error);
		expect(error).toBeInstanceOf(ListFormatError);
		expect((error as Error).message).toBe(
			'/nonexistent/vendor-risk/sdn.csv: cannot read the file (ENOENT); check the path and permissions',
		);
	});
});
