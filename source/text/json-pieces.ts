// JSON made a piece at a time: a document with one long array, or JSON Lines, without the
// whole text ever being one string. Any layer that writes such output shares these.
import {randomUUID} from 'node:crypto';
import {inertJson} from './sanitize.js';

// An item written as the one item of an array two levels in: what stands around it.
const nestedHead = '{\n  "": [\n    ';
const nestedTail = '\n  ]\n}';

/**
 * `inertJson(envelope, 2) + '\n'` with the array under `key` written item by item: the
 * same bytes as the whole document made at once, without making it at once. The array
 * stands where the envelope has `key` (give it any value to place it), else last.
 */
export function* jsonDocument(envelope: Record<string, unknown>, key: string, items: Iterable<unknown>): Generator<string> {
	// A placeholder no value can hold marks where the items go.
	const mark = `"${randomUUID()}"`;
	const [head, tail] = inertJson({...envelope, [key]: JSON.parse(mark) as string}, 2).split(mark) as [string, string];
	let first = true;
	for (const item of items) {
		// Items sit two levels in: written as the one item of an array two levels in, their lines come indented by
		// four spaces, without a second pass over the text to indent them.
		const nested = inertJson({'': [item]}, 2);
		yield `${first ? `${head}[\n` : ',\n'}    ${nested.slice(nestedHead.length, nested.length - nestedTail.length)}`;
		first = false;
	}
	yield `${first ? `${head}[]` : '\n  ]'}${tail}\n`;
}

/** JSON Lines: one item a line, each a whole JSON value. */
export function* jsonLines(items: Iterable<unknown>): Generator<string> {
	for (const item of items) yield `${inertJson(item)}\n`;
}
