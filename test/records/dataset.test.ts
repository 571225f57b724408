import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import dataset from '../../source/records/dataset.json' with {type: 'json'};
import {loadEmbeddedRecords} from '../../source/records/embedded.js';
import {recordsDocumentSchema} from '../../source/records/schema.js';
import {datasetFile, datasetFromReference, datasetText, referenceFile} from '../../source/build/generate-dataset.mjs';

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

	type Reference = {compiled_on: string; vendors: Array<{id: string; restrictions: Array<{id: string; verified: string}>}>};
	const reference = () => JSON.parse(readFileSync(referenceFile, 'utf8')) as Reference;

	it("is exactly what the generator makes of the repository's reference facts", () => {
		expect(readFileSync(datasetFile, 'utf8')).toBe(datasetText(datasetFromReference(reference())));
	});

	it("keeps the reference file's vendor ids", () => {
		expect(records.vendors.map(vendor => vendor.id)).toEqual(reference().vendors.map(vendor => vendor.id));
	});

	it('ships confirmed and likely facts and leaves unverified ones out', () => {
		const facts = reference();
		const demoted = facts.vendors.find(vendor => vendor.id === 'kaspersky')!.restrictions[0]!;
		demoted.verified = 'unverified';
		const generated = datasetFromReference(facts);
		expect(generated.restrictions.find(item => item.id === demoted.id)).toBeUndefined();
		expect(generated.restrictions).toHaveLength(facts.vendors.flatMap(vendor => vendor.restrictions).length - 1);
		expect(generated.restrictions.some(item => item.verification === 'likely')).toBe(true);
	});

	it("keeps the reference's compile date as the dataset's as-of date", () => {
		expect(records.asOf).toBe(reference().compiled_on);
	});
});
