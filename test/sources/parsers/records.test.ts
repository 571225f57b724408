import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {parseListFile} from '../../../source/sources/parsers/index.js';

const embeddedDataset = fileURLToPath(new URL('../../../source/records/dataset.json', import.meta.url));

describe('records documents', () => {
	it('returns the validated document and no entities', async () => {
		const parsed = await parseListFile(embeddedDataset);
		expect(parsed.format).toBe('records');
		expect(parsed.entities).toEqual([]);
		expect(parsed.records?.schemaVersion).toBe(1);
		expect(parsed.records!.vendors.length).toBeGreaterThan(0);
	});
});
