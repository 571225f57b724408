// Output written as it is made: a million rows never become one string. Pieces are
// gathered into batches of about 64 KiB, and a stream that asks to wait (a slow pipe)
// is waited for, so what is not yet written never piles up in memory.
import type {OutputStream} from './io.js';

export {jsonDocument, jsonLines} from '../text/index.js';

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
