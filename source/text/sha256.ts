// sha256 (hex) of a text's UTF-8, for content keys and the decision log's chain.
import crypto from 'node:crypto';

/** In one call where Node has it (20.12 and later), about a third of the time of createHash, update and digest; the same digest. */
export const sha256Hex: (text: string) => string =
	typeof crypto.hash === 'function'
		? text => crypto.hash('sha256', text, 'hex')
		: text => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
