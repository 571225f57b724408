// Eight reviewers' processes writing to one shared store at once: the advisory lock
// serialises them into one chain, and the database keeps every acknowledged entry.
import {describe, expect, it} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {migratedDatabase, spawnWriter, storedEntries, storeEnv, useWriterScript} from './helpers.js';
import {useServer} from './server.js';
import {verifyChain} from '../../source/decisions/index.js';
import {join} from 'node:path';

const server = useServer();
const writerScript = useWriterScript();

describe('concurrent writers on the shared store', () => {
	it('8 writer processes × 250 decisions: 2,000 of 2,000 kept, in one chain that verifies', async () => {
		const {database, url} = await migratedDatabase(server(), 'writers');
		const root = temporaryHome();
		try {
			const writers = Array.from({length: 8}, (_, index) =>
				spawnWriter(writerScript(), storeEnv(url, join(root.path, `w${index}`)), 250, `w${index}`),
			);
			const codes = await Promise.all(writers.map(writer => writer.exited));
			expect(codes, writers.map(writer => writer.stderr).join('\n')).toEqual(Array(8).fill(0));

			const entries = await storedEntries(server(), database);
			expect(entries).toHaveLength(2000);
			expect(verifyChain(entries)).toMatchObject({ok: true, count: 2000});
			const acks = writers.flatMap(writer => writer.acks);
			expect(acks).toHaveLength(2000);
			// Every acknowledgement is a committed row, at the seq the writer was told.
			expect(acks.filter(ack => ack.where !== 'database')).toEqual([]);
			const seqOf = new Map(entries.map(entry => [entry.id, entry.seq]));
			expect(acks.filter(ack => seqOf.get(ack.id) !== ack.seq)).toEqual([]);
			// They really ran at once: the reviewers' entries interleave.
			const owners = entries.map(entry => entry.reviewer);
			expect(owners.filter((owner, index) => index > 0 && owner !== owners[index - 1]).length).toBeGreaterThan(8);
		} finally {
			root.remove();
		}
	}, 120_000);
});
