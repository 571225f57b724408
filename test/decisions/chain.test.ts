import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {entryHash, genesisHash, verifyChain, type LogEntry} from '../../source/decisions/index.js';
import {chainOf, mixedDrafts} from './helpers.js';

const clone = (entries: LogEntry[]): LogEntry[] => structuredClone(entries);

describe('verifyChain', () => {
	test('an untouched chain is intact and reports its length and newest hash', () => {
		const entries = chainOf(mixedDrafts());
		expect(verifyChain(entries)).toEqual({ok: true, count: 5, head: entries[4]!.hash});
	});

	test('an empty log is intact with the genesis hash as head', () => {
		expect(verifyChain([])).toEqual({ok: true, count: 0, head: genesisHash});
	});

	test('an edit of a past entry is found at that entry', () => {
		const entries = clone(chainOf(mixedDrafts()));
		(entries[1] as {rationale: string}).rationale = 'Approved without conditions.';
		expect(verifyChain(entries)).toMatchObject({ok: false, index: 1, entryId: 'entry-2', problem: expect.stringContaining('edited')});
	});

	test('an edit whose hash was recomputed still breaks the link from the next entry', () => {
		const entries = clone(chainOf(mixedDrafts()));
		(entries[1] as {rationale: string}).rationale = 'Approved without conditions.';
		entries[1]!.hash = entryHash(entries[1]!);
		expect(verifyChain(entries)).toMatchObject({ok: false, index: 2, problem: expect.stringContaining('prevHash')});
	});

	test('a deleted past entry is found where it was', () => {
		const entries = clone(chainOf(mixedDrafts()));
		entries.splice(2, 1);
		expect(verifyChain(entries)).toMatchObject({ok: false, index: 2, entryId: 'entry-4', problem: expect.stringContaining('sequence')});
	});

	test('two past entries swapped are found at the first of them', () => {
		const entries = clone(chainOf(mixedDrafts()));
		[entries[1], entries[2]] = [entries[2]!, entries[1]!];
		expect(verifyChain(entries)).toMatchObject({ok: false, index: 1, entryId: 'entry-3'});
	});

	test('an entry with an unknown member is malformed', () => {
		const entries = clone(chainOf(mixedDrafts()));
		(entries[0] as Record<string, unknown>).approvedBy = 'someone';
		expect(verifyChain(entries)).toMatchObject({ok: false, index: 0, problem: expect.stringContaining('malformed')});
	});

	// Every leaf and every object member of every entry, as a path.
	function pathsOf(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
		if (value === null || typeof value !== 'object') return [prefix];
		const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
		return [
			...(prefix.length > 0 ? [prefix] : []),
			...keys.flatMap(key => pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key])),
		];
	}

	test('any change to any field of any entry is detected (property)', () => {
		const original = chainOf(mixedDrafts());
		const targets = original.flatMap((entry, index) => pathsOf(entry).map(path => ({index, path})));
		const replacement = fc.oneof(
			fc.string(),
			fc.integer(),
			fc.constant(null),
			fc.boolean(),
			fc.constant(undefined),
			fc.array(fc.string(), {maxLength: 2}),
		);
		fc.assert(
			fc.property(fc.constantFrom(...targets), replacement, ({index, path}, value) => {
				const entries = clone(original);
				let parent = entries[index] as unknown as Record<string | number, unknown>;
				for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
				const key = path.at(-1)!;
				fc.pre(JSON.stringify(parent[key]) !== JSON.stringify(value));
				if (value === undefined && !Array.isArray(parent)) delete parent[key];
				else parent[key] = value;
				const verdict = verifyChain(entries);
				return !verdict.ok && verdict.index === index;
			}),
			{numRuns: 500},
		);
	});
});
