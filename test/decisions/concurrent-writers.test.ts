// Real processes against real files: two writers at once.
import {describe, expect, test} from 'vitest';
import {openDecisionLog, verifyChain} from '../../source/decisions/index.js';
import {useWriterScript, spawnWriter, tempHome} from './helpers.js';

const writerScript = useWriterScript();

describe('writers in separate processes', () => {
	test('two processes appending 500 decisions each keep all 1,000 in one valid chain', async () => {
		const home = tempHome();
		try {
			const writers = [spawnWriter(writerScript(), home.home, 500, 'left'), spawnWriter(writerScript(), home.home, 500, 'right')];
			const exits = await Promise.all(writers.map(writer => writer.exited));
			expect(
				exits.map(exit => exit.code),
				writers.map(writer => writer.stderr).join('\n'),
			).toEqual([0, 0]);

			const entries = openDecisionLog({env: home.env}).entries();
			expect(entries).toHaveLength(1000);
			expect(verifyChain(entries)).toMatchObject({ok: true, count: 1000});
			const stored = new Set(entries.map(entry => entry.id));
			for (const writer of writers) {
				expect(writer.acks).toHaveLength(500);
				expect(writer.acks.every(id => stored.has(id))).toBe(true);
			}
			// Both really ran at once: their entries interleave rather than forming two blocks.
			const owners = entries.map(entry => entry.reviewer);
			const switches = owners.filter((owner, index) => index > 0 && owner !== owners[index - 1]).length;
			expect(switches).toBeGreaterThan(1);
		} finally {
			home.remove();
		}
	}, 60_000);
});
