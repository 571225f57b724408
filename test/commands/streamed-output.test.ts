// Streamed JSON must be the very bytes the whole document gave, and a full stream is waited for.
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {jsonDocument, jsonLines, writeStreamed} from '../../source/commands/streamed-output.js';
import {inertJson} from '../../source/text/index.js';

const join = (pieces: Iterable<string>) => [...pieces].join('');
// Text a terminal would act on (bidi override, bell, zero-width) must stay escaped in every piece.
const hostile = fc.constantFrom('\u202E', '\u0007', '\u200B', 'Hua\u200Bwei', '"quoted"', '\\', '\n');
const value = fc.oneof(fc.jsonValue(), hostile, fc.array(hostile), fc.dictionary(fc.string(), hostile));

describe('jsonDocument', () => {
	test('writes the same bytes as inertJson of the whole document, the array last or in the middle', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.string(), value), fc.array(value, {maxLength: 6}), fc.boolean(), (envelope, items, first) => {
				const placed = first ? {items: null, ...envelope} : {...envelope};
				const whole = `${inertJson({...placed, items}, 2)}\n`;
				expect(join(jsonDocument(placed, 'items', items))).toBe(whole);
			}),
		);
	});

	test('leaves out undefined envelope values as JSON does, and gives an empty array as []', () => {
		const envelope = {table: 'entries', sourcesAsOf: undefined, count: 0};
		expect(join(jsonDocument(envelope, 'rows', []))).toBe(`${inertJson({...envelope, rows: []}, 2)}\n`);
	});
});

test('jsonLines gives one inert JSON value a line', () => {
	const items = [{name: 'Ev\u202Eil'}, [1, 2], 'x'];
	const lines = join(jsonLines(items)).split('\n');
	expect(lines.pop()).toBe('');
	expect(lines.map(line => JSON.parse(line) as unknown)).toEqual(items);
	expect(lines[0]).not.toContain('\u202E');
});

describe('writeStreamed', () => {
	test('writes in batches, in order, and waits each time the stream says it is full', async () => {
		const written: string[] = [];
		let waits = 0;
		let pending = false;
		const stream = {
			write: (text: string) => {
				// A write while the stream is still full would be output piling up.
				expect(pending).toBe(false);
				written.push(text);
				pending = true;
				return false;
			},
			drained: async () => {
				waits++;
				await new Promise(resolve => setImmediate(resolve));
				pending = false;
			},
		};
		const pieces = Array.from({length: 20_000}, (_piece, at) => `row ${at}\n`);
		await writeStreamed(stream, pieces);
		expect(written.join('')).toBe(pieces.join(''));
		expect(written.length).toBeGreaterThan(1);
		expect(written.length).toBeLessThan(pieces.length / 100);
		expect(waits).toBe(written.length);
	});

	test('a stream that never says it is full is never waited for', async () => {
		const written: string[] = [];
		await writeStreamed({write: (text: string) => written.push(text)}, ['a', 'b']);
		expect(written).toEqual(['ab']);
	});
});
