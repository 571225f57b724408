// Output written as it is made: a million rows never become one string. Pieces are
// gathered into batches of about 64 KiB, and a stream that asks to wait (a slow pipe)
// is waited for, so what is not yet written never piles up in memory.
import {randomUUID} from 'node:crypto';
import {inertJson} from '../text/index.js';
import type {OutputStream} from './io.js';

const batchSize = 64 * 1024;

/** Writes the pieces in order, waiting whenever the stream says it is full. */
export async function writeStreamed(stream: OutputStream, pieces: Iterable<string>): Promise<void> {
	let batch = '';
	const flush = async (): Promise<void> => {
		const full = stream.write(batch) === false;
		batch = '';
		if (full && stream.drained) await stream.drained();
	};
	for (const piece of pieces) {
		batch += piece;
		if (batch.length >= batchSize) await flush();
	}
	if (batch) await flush();
}

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
		// Items sit two levels in: every line of each indented by four spaces.
		yield `${first ? `${head}[\n` : ',\n'}    ${inertJson(item, 2).replace(/\n/g, '\n    ')}`;
		first = false;
	}
	yield `${first ? `${head}[]` : '\n  ]'}${tail}\n`;
}

/** JSON Lines: one item a line, each a whole JSON value. */
export function* jsonLines(items: Iterable<unknown>): Generator<string> {
	for (const item of items) yield `${inertJson(item)}\n`;
}
