import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import dataset from '../../source/records/dataset.json' with {type: 'json'};
import {loadEmbeddedRecords} from '../../source/records/embedded.js';
import {recordsDocumentSchema} from '../../source/records/schema.js';
import {sharedDirectory} from '../helpers.js';

const records = loadEmbeddedRecords();
const restriction = (id: string) => records.restrictions.find(item => item.id === id)!;

describe('the embedded dataset', () => {
	it('validates against the records schema', () => {
		expect(recordsDocumentSchema.safeParse(dataset).success).toBe(true);
		expect(records.schemaVersion).toBe(1);
	});

	it('carries the Kaspersky ICTS final determination with its milestones and citation', () => {
		const icts = restriction('kaspersky-icts-fd-2024');
		expect(icts.milestones.map(milestone => milestone.date)).toEqual(['2024-07-20', '2024-09-29']);
		expect(icts.federalRegister?.citation).toBe('89 FR 52434');
	});

	it('carries the Kaspersky Entity List addition with its citation', () => {
		const entityList = records.restrictions.filter(item => item.vendorId === 'kaspersky' && item.kind === 'export-control');
		expect(entityList.map(item => item.federalRegister?.citation)).toContain('89 FR 52362');
	});

	it("keeps the reference file's vendor ids", () => {
		const reference = JSON.parse(readFileSync(`${sharedDirectory}/reference/restriction-facts.json`, 'utf8')) as {
			vendors: Array<{id: string}>;
		};
		expect(records.vendors.map(vendor => vendor.id)).toEqual(reference.vendors.map(vendor => vendor.id));
	});

	it('ships confirmed and likely facts and leaves unverified ones out', () => {
		const reference = JSON.parse(readFileSync(`${sharedDirectory}/reference/restriction-facts.json`, 'utf8')) as {
			vendors: Array<{restrictions: Array<{id: string; verified: string}>}>;
		};
		const all = reference.vendors.flatMap(vendor => vendor.restrictions);
		const unverified = all.filter(item => item.verified === 'unverified').map(item => item.id);
		expect(unverified.length).toBeGreaterThan(0);
		for (const id of unverified) expect(records.restrictions.find(item => item.id === id)).toBeUndefined();
		expect(records.restrictions).toHaveLength(all.length - unverified.length);
		expect(records.restrictions.some(item => item.verification === 'likely')).toBe(true);
	});

	it("keeps the reference's as-of date", () => {
		expect(records.asOf).toBe('2026-11-28');
	});
});
