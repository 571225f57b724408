// The TUI on a team's shared log, in a real pseudo-terminal against the real server:
// a teammate's decision, made by another process, appears while the reviewer keeps
// their place; when the server goes away the status bar says OFFLINE, a decision goes
// to the outbox marked unsent, and once the server is back a push clears the mark;
// a database that does not answer at all never holds back the first frame with data.
import {beforeEach, describe, expect, it, onTestFinished} from 'vitest';
import {runCliAsync} from '../commands/cli.js';
import {filterTo, rowsShown} from '../e2e/helpers/review.js';
import {keys, startCli, usePtyHome, type Session} from '../e2e/helpers/pty.js';
import {settled, statusBar} from '../e2e/helpers/screen.js';
import {useReviewers} from './helpers.js';
import {useServer} from './server.js';
import {useProxy} from './silent-proxy.js';

const server = useServer();
const root = usePtyHome();
const proxyFor = useProxy();

const reviewers = useReviewers(server, root, 'tui', ['Ada Lovelace', 'Bo Diddley']);
let env: Record<string, string>;
let database: string;
let ada: string;
let bo: string;
beforeEach(() => {
	({env, database} = reviewers());
	ada = reviewers().homes.ada!;
	bo = reviewers().homes.bo!;
});

const decideAs = (home: string, vendor: string) =>
	runCliAsync(['decide', vendor, 'reject', '--reason', 'sanctioned-entity', '--note', `Prohibited: ${vendor}.`], home, {env});

async function openedAs(home: string): Promise<Session> {
	const session = startCli([], {home, env, columns: 120, rows: 30});
	await session.waitFor(screen => settled(screen) && statusBar(screen).includes('shared log online'), 'the shared log open');
	return session;
}

/** The open detail paged down until `text` shows (the decisions sit between the restrictions and the entities). */
async function scrolledTo(session: Session, text: string): Promise<string> {
	let screen = await session.waitForText('lines 1-');
	while (!screen.includes(text)) {
		const [, last, total] = rowsShown(screen);
		if (last === total) throw new Error(`no ${JSON.stringify(text)} in the detail`);
		session.write(keys.pageDown);
		screen = await session.waitFor(next => rowsShown(next)[1] !== last, 'the next page');
	}
	return screen;
}

const queueCount = (screen: string) => Number(/queue (\d+)/.exec(statusBar(screen))?.[1] ?? Number.NaN);

describe('the TUI on a shared log', () => {
	it("shows another process's decision as soon as it is committed, in the open detail, the table and the queue, keeping the reviewer's place", async () => {
		const session = await openedAs(ada);
		await filterTo(session, 'id:huawei');
		const queuedBefore = queueCount(session.screen());
		session.write(keys.enter);
		await scrolledTo(session, 'none yet: press d to decide');

		// Bo, in another process and another home: no key is pressed in Ada's TUI after this.
		const decided = await decideAs(bo, 'huawei');
		expect(decided.status, decided.stderr).toBe(0);
		const detail = await session.waitFor(
			screen => screen.includes('reject (sanctioned-entity) by Bo Diddley'),
			"Bo's decision in Ada's open detail",
		);
		expect(detail).toMatch(/lines \d+-\d+ of \d+/);
		expect(detail).toContain('“Prohibited: huawei.”');

		// Back on the table: the same filter, the same row, now decided, and one vendor fewer in the queue.
		session.write(keys.escape);
		const table = await session.waitFor(screen => !/lines \d+-/.test(screen), 'the table again');
		expect(statusBar(table)).toContain('filter: id:huawei');
		expect(statusBar(table)).toContain('shared log online');
		expect(table).toMatch(/▶.*Huawei.*│ reject/);
		expect(queueCount(table)).toBe(queuedBefore - 1);
		session.write('q');
		expect(await session.exited()).toBe(0);
	});

	it('says OFFLINE when the server goes away, keeps a decision made then in the outbox marked unsent, and clears the mark once it is pushed', async () => {
		expect((await decideAs(bo, 'kaspersky')).status).toBe(0);
		const session = await openedAs(ada);

		await server().killHard();
		let restarted = false;
		// The server must run again for the next test and the file's own shutdown, whatever happens here.
		onTestFinished(async () => {
			if (!restarted) await server().restart();
		});
		// Said on the status bar, and why in the line under it, without a key pressed.
		await session.waitFor(
			screen => statusBar(screen).includes('OFFLINE') && screen.includes('⚠ the shared store cannot be reached'),
			'OFFLINE on the status bar, and why',
		);
		// The teammate's decision is still there, read from this machine's copy.
		await filterTo(session, 'id:kaspersky');
		expect(session.screen()).toMatch(/Kaspersky.*│ reject/);

		await filterTo(session, 'id:zte');
		session.write('d');
		await session.waitForText('Decide: ZTE');
		for (let step = 0; step < 3; step++) session.write(keys.leftArrow);
		await session.waitForText('◀ reject ▶');
		session.write(keys.tab);
		session.write(keys.tab);
		session.write('On the Entity List.');
		session.write(keys.enter);
		const recorded = await session.waitForText('recorded reject for ZTE');
		expect(recorded).toContain("unsent: kept in this machine's outbox (1 unsent) until p or vendor-risk log push sends it");
		expect(statusBar(recorded)).toContain('OFFLINE · 1 unsent');
		// At 120 columns the Decision column is narrow: the mark comes first, so it is what shows.
		expect(recorded).toMatch(/▶.*ZTE.*│ unsent:/);
		session.write(keys.enter);
		const detail = await scrolledTo(session, '(unsent)');
		expect(detail).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(unsent\) {2}reject \(sanctioned-entity\) by Ada Lovelace/);
		session.write(keys.escape);
		await session.waitFor(screen => !/lines \d+-/.test(screen), 'the table again');

		// The server is back: the TUI reconnects by itself; the decision stays unsent until a push sends it.
		await server().restart();
		restarted = true;
		await session.waitFor(screen => statusBar(screen).includes('shared log online · 1 unsent'), 'online again, with the outbox', 30_000);
		const pushed = await runCliAsync(['log', 'push'], ada, {env});
		expect(pushed.status, pushed.stderr).toBe(0);
		const sent = await session.waitFor(screen => /ZTE.*│ reject +│/.test(screen), 'the mark gone once pushed');
		expect(statusBar(sent)).toContain('shared log online · 2 entries');
		expect(statusBar(sent)).not.toContain('unsent');
		session.write('q');
		expect(await session.exited()).toBe(0);
	});

	it("opens on this machine's copy while a database that never answers is still being tried, then says OFFLINE", async () => {
		// The store's address is a port that forwards to the server while Ada's decision is made, then goes silent.
		const proxy = await proxyFor(server().port);
		const viaProxy = {...env, VENDOR_RISK_STORE: `postgres://postgres@127.0.0.1:${proxy.port}/${database}`};
		const decided = await runCliAsync(['decide', 'kaspersky', 'reject', '--reason', 'sanctioned-entity', '--note', 'Prohibited.'], ada, {
			env: viaProxy,
		});
		expect(decided.status, decided.stderr).toBe(0);
		proxy.silence();

		// A connect timeout far longer than a start, so "still connecting" below means "before the timeout", whatever the load.
		const session = startCli([], {home: ada, env: {...viaProxy, PGCONNECT_TIMEOUT: '10'}, columns: 120, rows: 30});
		const first = await session.waitFor(settled, 'the first frame with data', 15_000);
		expect(statusBar(first)).toContain('connecting…');
		expect(first).toMatch(/Kaspersky.*│ reject/);

		const offline = await session.waitFor(
			screen => statusBar(screen).includes('OFFLINE') && screen.includes('⚠ the shared store cannot be reached'),
			'OFFLINE once the connection times out',
			40_000,
		);
		expect(offline).toMatch(/Kaspersky.*│ reject/);
		session.write('q');
		expect(await session.exited()).toBe(0);
	}, 90_000);
});
