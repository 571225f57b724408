// Paths to the real-world fixtures in test/fixtures
// and scratch files for broken inputs.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parse} from 'csv-parse/sync';
import {expect} from 'vitest';
import {stringify} from 'csv-stringify/sync';
import type {ScreeningEntity} from '../../../source/records/list-entries.js';
import {parseListFile} from '../../../source/sources/parsers/index.js';

const fixturesRoot = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function fixture(relativePath: string): string {
	return join(fixturesRoot, relativePath);
}

/** Writes files into a fresh temporary directory and returns the path of the first. */
export function scratchFiles(files: Record<string, string | Uint8Array>): string {
	const directory = mkdtempSync(join(tmpdir(), 'vendor-risk-parsers-'));
	for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
	return join(directory, Object.keys(files)[0]!);
}

/** Each data row of a headed CSV parsed from a file of its own (the header and that row), so nothing is shared with other rows. */
export async function entitiesOfEachRowAlone(path: string): Promise<ScreeningEntity[]> {
	const [header, ...rows] = parse(readFileSync(path), {bom: true, relax_column_count: true}) as string[][];
	const entities: ScreeningEntity[] = [];
	for (const row of rows) entities.push(...(await parseListFile(scratchFiles({'alone.csv': stringify([header!, row])}))).entities);
	return entities;
}

/** The lists (several rows' copies of one field's value) are one frozen array. */
export function expectOneFrozenList(lists: string[][]): void {
	expect(lists.length).toBeGreaterThan(2);
	expect(lists.every(list => list === lists[0])).toBe(true);
	expect(Object.isFrozen(lists[0])).toBe(true);
}
