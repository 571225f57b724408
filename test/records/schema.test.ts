import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {UserInputError} from '../../source/errors/index.js';
import {loadRecordsFile, parseRecordsDocument} from '../../source/records/load.js';
import {isRealPartialDate} from '../../source/records/schema.js';

const minimal = () => ({
	schemaVersion: 1,
	asOf: '2026-01-01',
	vendors: [{id: 'acme', name: 'Acme', hq: 'US'}],
	restrictions: [
		{
			id: 'r1',
			vendorId: 'acme',
			authority: 'BIS',
			jurisdiction: 'US',
			instrument: 'BIS Entity List',
			kind: 'export-control',
			verification: 'confirmed',
			milestones: [{date: '2025-01-02', what: 'added'}],
		},
	],
});

const messageOf = (run: () => unknown) => {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(UserInputError);
		return (error as Error).message;
	}
	throw new Error('expected an error');
};

describe('records documents', () => {
	it('fills defaults for optional fields', () => {
		const document = parseRecordsDocument(minimal(), 'feed.json');
		expect(document.vendors[0]!.aliases).toEqual([]);
		expect(document.restrictions[0]!.federalRegister).toBeNull();
	});

	it('names the input, the JSON path and what was expected', () => {
		const broken = minimal();
		(broken.restrictions[0]!.milestones[0] as {date: string}).date = '2024-02-30';
		expect(messageOf(() => parseRecordsDocument(broken, 'feed.json'))).toMatch(
			/^feed\.json: invalid records document at \$\.restrictions\[0\]\.milestones\[0\]\.date: expected a date as YYYY-MM-DD/,
		);
	});

	it('rejects a restriction that points at a vendor the document does not have', () => {
		const broken = minimal();
		broken.restrictions[0]!.vendorId = 'nobody';
		expect(messageOf(() => parseRecordsDocument(broken, 'feed.json'))).toContain('$.restrictions[0].vendorId');
	});

	it('rejects duplicate vendor ids', () => {
		const broken = minimal();
		broken.vendors.push({id: 'acme', name: 'Acme again', hq: 'US'});
		expect(messageOf(() => parseRecordsDocument(broken, 'feed.json'))).toContain('duplicate vendor id "acme"');
	});

	it('rejects another schema version', () => {
		expect(messageOf(() => parseRecordsDocument({...minimal(), schemaVersion: 2}, 'feed.json'))).toContain('$.schemaVersion');
	});

	it('reports a file that is not JSON in one line', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'records-'));
		const path = join(directory, 'broken.json');
		writeFileSync(path, '{"schemaVersion": 1,');
		const message = await loadRecordsFile(path, 1024 * 1024).then(
			() => '',
			(error: Error) => error.message,
		);
		expect(message).toContain(`${path}: not valid JSON`);
		expect(message).not.toContain('\n');
	});

	it('accepts real and partial dates and rejects impossible ones', () => {
		expect(isRealPartialDate('2024-02-29')).toBe(true);
		expect(isRealPartialDate('2024-01')).toBe(true);
		expect(isRealPartialDate('2023-02-29')).toBe(false);
		expect(isRealPartialDate('2024-13')).toBe(false);
		expect(isRealPartialDate('29/02/2024')).toBe(false);
	});
});

describe('hostile text in a records document', () => {
	it('arrives with every control character neutralised', () => {
		const poisoned = minimal();
		poisoned.vendors[0]!.name = 'Acme\u001B]52;c;ZXZpbA==\u0007\u001B[2J\u202Eevil\u009B';
		const document = parseRecordsDocument(poisoned, 'feed.json');
		expect(document.vendors[0]!.name).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
		expect(document.vendors[0]!.name).toContain('␛]52;');
	});
});

describe('unknown fields in a records document', () => {
	it('are refused by name with the path, never silently dropped', () => {
		const broken = {...minimal(), vendors: [{id: 'acme', name: 'Acme', hq: 'US', hqCountry: 'US'}]};
		expect(messageOf(() => parseRecordsDocument(broken, 'feed.json'))).toBe(
			'feed.json: invalid records document at $.vendors[0]: unknown field "hqCountry" (not part of the records format); fix the file or see docs/records.md',
		);
	});

	it('are refused inside a class rule too', () => {
		const rule = {
			id: 'r',
			authority: 'FCC',
			jurisdiction: 'US',
			instrument: 'FCC Covered List',
			title: 'Routers',
			productClasses: ['consumer-grade routers'],
			originCondition: 'produced in a foreign country',
			verification: 'confirmed',
			efectiveDates: [],
		};
		expect(messageOf(() => parseRecordsDocument({...minimal(), classRules: [rule]}, 'feed.json'))).toContain(
			'$.classRules[0]: unknown field "efectiveDates"',
		);
	});
});
