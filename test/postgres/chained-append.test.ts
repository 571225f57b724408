// Entries that do not depend on the log are chained by the database itself
// (append_entries, migration 2): it fills the head into vendor-risk's canonical text
// and hashes it, and vendor-risk verifies what comes back as it verifies any read.
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {
	BrokenChainError,
	canonicalJson,
	openStore,
	verifyChain,
	type DecisionStore,
	type EntryDraft,
} from '../../source/decisions/index.js';
import {sealEntry} from '../../source/decisions/chain.js';
import {chainTemplate} from '../../source/decisions/postgres/chain-template.js';
import {seededRandom, temporaryHome, testSeed} from '../helpers.js';
import {migratedDatabase, storedEntries, storeEnv} from './helpers.js';
import {useServer} from './server.js';

const server = useServer();

/** Text a reviewer might type or paste: quotes, backslashes, control characters, accents, astral and RTL characters. */
const awkwardTexts = [
	'plain',
	'quote " and \\ backslash',
	'line\nbreak\ttab\u001bescape',
	'Müller – ÅÄÖ ñ',
	'𝄞 🏳️‍🌈 דוד',
	'\u2028\u2029',
	"'; DROP",
];

function decision(rationale: string, vendorId = 'acme'): EntryDraft {
	return {
		kind: 'decision',
		reviewer: 'Ada Lovelace',
		vendorId,
		outcome: 'reject',
		reason: 'sanctioned-entity',
		rationale,
		reviewBy: null,
		basis: {
			vendorFingerprint: 'f'.repeat(64),
			sources: [{sourceId: 'ofac-sdn', fetchedAt: '2025-01-01T00:00:00.000Z', contentHash: 'e'.repeat(64)}],
		},
	};
}

describe('the chain template', () => {
	it('is the canonical JSON of the entry once the head hash and seq are filled in', () => {
		const random = seededRandom(testSeed);
		for (const [index, text] of awkwardTexts.entries()) {
			const seq = 1 + Math.floor(random() * 1e9);
			const prevHash = Array.from({length: 64}, () => Math.floor(random() * 16).toString(16)).join('');
			const entry = sealEntry(decision(text, `vendor-${index}`), {seq, id: `id-${index}`, at: '2026-12-06T08:00:00.000Z', prevHash});
			const {before, middle, after} = chainTemplate(entry);
			const {hash: _hash, ...content} = entry;
			expect(before + prevHash + middle + String(seq) + after).toBe(canonicalJson(content));
		}
	});
});

describe('appending entries the database chains', () => {
	let root: ReturnType<typeof temporaryHome>;
	let store: DecisionStore | undefined;
	let database: string;
	let url: string;
	beforeEach(async () => {
		root = temporaryHome();
		({database, url} = await migratedDatabase(server(), 'chained'));
	});
	afterEach(async () => {
		await store?.close();
		store = undefined;
		root.remove();
	});

	it('stores awkward text under the hash vendor-risk computes, and returns the entries as stored', async () => {
		store = await openStore(storeEnv(url, join(root.path, 'ada')));
		const one = await store.appendMany([decision(awkwardTexts[0]!)]);
		const batch = await store.appendMany(awkwardTexts.slice(1).map(text => decision(text)));
		const stored = await storedEntries(server(), database);
		expect(verifyChain(stored)).toMatchObject({ok: true, count: awkwardTexts.length});
		expect(stored).toEqual([...one, ...batch]);
		expect(stored.map(entry => entry.kind === 'decision' && entry.rationale)).toEqual(awkwardTexts);
	});

	it("chains on entries this process has not read, and hands back the teammate's entries too", async () => {
		store = await openStore(storeEnv(url, join(root.path, 'ada')));
		const teammate = await openStore(storeEnv(url, join(root.path, 'bo')));
		try {
			await teammate.appendMany([decision('first, by a teammate', 'huawei'), decision('second, by a teammate', 'zte')]);
		} finally {
			await teammate.close();
		}
		const [mine] = await store.appendMany([decision('mine, on top')]);
		expect(mine).toMatchObject({seq: 3});
		expect(store.latest().map(entry => entry.seq)).toEqual([1, 2, 3]);
		expect(verifyChain(await storedEntries(server(), database))).toMatchObject({ok: true, count: 3});
	});

	it('writes nothing when the database no longer holds the head this machine verified', async () => {
		store = await openStore(storeEnv(url, join(root.path, 'ada')));
		await store.appendMany([decision('one'), decision('two')]);
		const admin = await server().admin(database);
		await admin.query('BEGIN');
		await admin.query('SET LOCAL session_replication_role = replica');
		await admin.query('DELETE FROM vendor_risk.entries WHERE seq = 2');
		await admin.query('COMMIT');

		await expect(store.appendMany([decision('three')])).rejects.toThrow(BrokenChainError);
		expect((await storedEntries(server(), database)).map(entry => entry.seq)).toEqual([1]);
		expect(store.status().problem).toMatch(/has no entry seq 2 any more/);
	});
});
