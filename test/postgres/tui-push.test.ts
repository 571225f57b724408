// The push key in a real pseudo-terminal against the real server, reached through a
// proxy that can drop the network: a decision made offline waits unsent; p while still
// offline says so and keeps it; once the network is back, p sends it, the marks go,
// and the database's chain verifies.
import {beforeEach, describe, expect, it} from 'vitest';
import {runCliAsync} from '../commands/cli.js';
import {fillReject, filterTo} from '../e2e/helpers/review.js';
import {keys, startCli, usePtyHome} from '../e2e/helpers/pty.js';
import {settled, statusBar} from '../e2e/helpers/screen.js';
import {storedEntries, useReviewers} from './helpers.js';
import {useServer} from './server.js';
import {useProxy} from './silent-proxy.js';

const server = useServer();
const root = usePtyHome();
const proxyFor = useProxy();

const reviewers = useReviewers(server, root, 'push', ['Ada Lovelace']);
let env: Record<string, string>;
let database: string;
let ada: string;
beforeEach(() => {
	({env, database} = reviewers());
	ada = reviewers().homes.ada!;
});

describe('the push key on a shared log', () => {
	it('keeps an offline decision unsent while the network is down, and sends it on p once it is back', async () => {
		const proxy = await proxyFor(server().port);
		// A short connect timeout: while the proxy is silent, each attempt (a push, the listener's retry) fails within it.
		const viaProxy = {...env, VENDOR_RISK_STORE: `postgres://postgres@127.0.0.1:${proxy.port}/${database}`, PGCONNECT_TIMEOUT: '3'};
		const session = startCli([], {home: ada, env: viaProxy, columns: 120, rows: 30});
		await session.waitFor(screen => settled(screen) && statusBar(screen).includes('shared log online'), 'the shared log open');

		// Nothing waits: p says so.
		session.write('p');
		await session.waitForText('nothing to push');

		proxy.silence();
		await session.waitFor(screen => statusBar(screen).includes('OFFLINE'), 'OFFLINE on the status bar');
		await filterTo(session, 'id:zte');
		session.write('d');
		await session.waitForText('Decide: ZTE');
		await fillReject(session, 'On the Entity List.');
		session.write(keys.enter);
		const recorded = await session.waitForText('recorded reject for ZTE', 20_000);
		expect(statusBar(recorded)).toContain('OFFLINE · 1 unsent');
		expect(recorded).toMatch(/▶.*ZTE.*│ unsent:/);

		// Still offline: the push fails within the connect timeout, says why, and the entry stays unsent.
		session.write('p');
		const refused = await session.waitForText('✗ still offline, nothing pushed: 1 entry stays unsent', 20_000);
		expect(statusBar(refused)).toContain('1 unsent');
		expect(refused).toMatch(/▶.*ZTE.*│ unsent:/);

		// The network is back: the TUI reconnects by itself, and the entry waits for the push.
		proxy.resume();
		await session.waitFor(screen => statusBar(screen).includes('shared log online · 1 unsent'), 'online again, with the outbox', 30_000);
		session.write('p');
		const pushed = await session.waitForText('pushed 1 entry');
		expect(pushed).toMatch(/ZTE.*│ reject +│/);
		expect(statusBar(pushed)).toContain('shared log online · 1 entry');
		expect(statusBar(pushed)).not.toContain('unsent');

		// Pushed once: again, there is nothing to push.
		session.write('p');
		await session.waitForText('nothing to push');
		session.write('q');
		expect(await session.exited()).toBe(0);

		const stored = await storedEntries(server(), database);
		expect(stored.map(entry => [entry.kind, entry.kind === 'decision' ? entry.vendorId : null, entry.reviewer])).toEqual([
			['decision', 'zte', 'Ada Lovelace'],
		]);
		const verified = await runCliAsync(['log', 'verify'], ada, {env});
		expect(verified.status, verified.stderr).toBe(0);
	}, 120_000);
});
