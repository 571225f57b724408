// Benchmark of the decision log: what one append costs once the log is big.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Conf from 'conf';
import {percentile, type BenchRow} from './types.js';
import {entryJsonSchema, openDecisionLog, type DecisionDraft} from '../decisions/index.js';

const logSize = 10_000;
const timedAppends = 40;
const targetMs = 20;

function draft(index: number): DecisionDraft {
	return {
		kind: 'decision',
		reviewer: 'bench',
		vendorId: `vendor-${index % 700}`,
		outcome: index % 3 === 0 ? 'reject' : 'approve',
		reason: index % 3 === 0 ? 'sanctioned-entity' : 'no-exposure',
		rationale: index % 3 === 0 ? `Listed under program ${index}; replacement under way with procurement, ticket ${index}.` : null,
		reviewBy: '2030-01-01',
		basis: {
			vendorFingerprint: 'a'.repeat(64),
			sources: [
				{sourceId: 'ofac-sdn', fetchedAt: '2025-01-01T00:00:00.000Z', contentHash: 'b'.repeat(64)},
				{sourceId: 'bis-entity-list', fetchedAt: '2025-01-01T00:00:00.000Z', contentHash: 'c'.repeat(64)},
			],
		},
	};
}

function timeSync(action: () => unknown): number {
	const started = performance.now();
	action();
	return performance.now() - started;
}

/** Append median/p95 with 10,000 entries already in a sharded log, against one unsharded conf file of the same size. */
export async function decisionBenchCases(): Promise<BenchRow[]> {
	const home = mkdtempSync(join(tmpdir(), 'vendor-risk-bench-'));
	try {
		const log = openDecisionLog({env: {VENDOR_RISK_HOME: home}});
		await log.appendMany(Array.from({length: logSize}, (_, index) => draft(index)));
		// An append costs more the fuller the newest shard is, so sample across one whole shard's fill levels
		// rather than only just after a shard boundary (10,000 is a multiple of the shard size).
		const stride = Math.max(1, Math.floor(log.shardSize / timedAppends));
		const samples: number[] = [];
		let written = logSize;
		for (let index = 0; index < timedAppends; index++) {
			if (stride > 1) await log.appendMany(Array.from({length: stride - 1}, (_, offset) => draft(written + offset)));
			written += stride - 1;
			const started = performance.now();
			await log.append(draft(written));
			samples.push(performance.now() - started);
			written += 1;
		}

		// Baseline: the same entries in one conf store, rewritten whole on every set.
		const single = new Conf<{entries: unknown[]}>({
			projectName: 'vendor-risk',
			cwd: join(home, 'unsharded'),
			configName: 'decisions',
			schema: {entries: {type: 'array', items: entryJsonSchema()}} as never,
		});
		const seeded = log.entries().slice(0, logSize);
		single.store = {entries: seeded};
		// One read and one write, as an unsharded append under the lock would do.
		const baseline = Array.from({length: 5}, () =>
			timeSync(() => {
				const {entries} = single.store;
				single.store = {entries: [...entries, seeded[0]!]};
			}),
		);

		// Opening and reading the whole log is what the TUI and `log export` pay.
		const readSamples = Array.from({length: 3}, () => timeSync(() => openDecisionLog({env: {VENDOR_RISK_HOME: home}}).entries()));

		const medianMs = percentile(samples, 0.5);
		return [
			{
				case: 'decision append (lock, re-read, chain, write)',
				size: `${logSize.toLocaleString('en')}-${written.toLocaleString('en')} entries, shards of ${log.shardSize}`,
				medianMs,
				p95Ms: percentile(samples, 0.95),
				baseline: `one unsharded conf file of ${logSize.toLocaleString('en')} entries`,
				baselineMs: percentile(baseline, 0.5),
				target: `<= ${targetMs} ms median`,
				met: medianMs <= targetMs,
			},
			{
				case: 'decision log open + read all',
				size: `${written.toLocaleString('en')} entries`,
				medianMs: percentile(readSamples, 0.5),
				p95Ms: null,
				baseline: null,
				baselineMs: null,
				target: '<= 1000 ms',
				met: percentile(readSamples, 0.5) <= 1000,
				note: 'opens every shard (conf compiles its schema per store) and validates every entry',
			},
		];
	} finally {
		rmSync(home, {recursive: true, force: true});
	}
}
