// `decide` from two shells at once: every decision is kept, in one valid chain.
import {afterEach, beforeEach, expect, it} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {runCliAsync} from './cli.js';

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
	home = temporaryHome();
});
afterEach(() => home.remove());

const shell = async (vendors: string[]) => {
	for (const vendor of vendors) {
		const result = await runCliAsync(['decide', vendor, 'defer', '--reason', 'pending-information'], home.path);
		expect(result.status, result.stderr).toBe(0);
	}
};

it('keeps every decision when two shells decide at the same time', async () => {
	await Promise.all([shell(['kaspersky', 'huawei', 'zte', 'hikvision', 'dahua']), shell(['dji', 'smic', 'tencent', 'quectel', 'megvii'])]);
	const verify = await runCliAsync(['log', 'verify'], home.path);
	expect(verify.status).toBe(0);
	expect(verify.stdout).toContain('chain intact: 10 entries');
	const queue = JSON.parse((await runCliAsync(['queue', '--json'], home.path)).stdout) as {rows: Array<{id: string}>};
	// Deferred vendors stay in the queue only once their re-review is due; here none is.
	expect(queue.rows.map(row => row.id)).not.toContain('kaspersky');
});

it('rejects an unknown vendor or reason with exit code 2 and records nothing', async () => {
	expect((await runCliAsync(['decide', 'no-such-vendor', 'approve', '--reason', 'no-exposure'], home.path)).status).toBe(2);
	expect((await runCliAsync(['decide', 'kaspersky', 'approve', '--reason', 'because'], home.path)).status).toBe(2);
	expect((await runCliAsync(['log', 'verify'], home.path)).stdout).toContain('chain intact: 0 entries');
});
