// An entry's canonical JSON with holes where its place in the chain goes, so the
// database can chain it: it fills in the head's hash and the next seq and hashes the
// text (migration 2, append_entries), while the writers' lock is held and no
// round trip to this machine is. The text is canonicalJson's, member for member:
// keys sorted at the top level, and "prevHash" always sorts before "seq".
import {canonicalJson} from '../canonical.js';
import type {LogEntry} from '../model.js';

/** canonicalJson(entry without hash) === before + prevHash + middle + String(seq) + after. */
export type ChainTemplate = {before: string; middle: string; after: string};

export function chainTemplate(entry: Omit<LogEntry, 'hash'> | LogEntry): ChainTemplate {
	const {hash: _hash, seq: _seq, prevHash: _prevHash, ...content} = entry as LogEntry;
	const members = content as Record<string, unknown>;
	const keys = [...Object.keys(members).filter(key => members[key] !== undefined), 'prevHash', 'seq'].sort();
	const pieces: string[] = [];
	let text = '{';
	for (const [index, key] of keys.entries()) {
		if (index > 0) text += ',';
		text += `${JSON.stringify(key)}:`;
		if (key === 'prevHash') {
			pieces.push(`${text}"`);
			text = '"';
		} else if (key === 'seq') {
			pieces.push(text);
			text = '';
		} else text += canonicalJson(members[key]);
	}
	const [before, middle] = pieces as [string, string];
	return {before, middle, after: `${text}}`};
}
