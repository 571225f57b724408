// The push key (p, and :push): on a shared log it asks the shell to send the outbox and
// says so; on the local log, or before the log has loaded, it says why not; the shell
// shows what the push did in one line.
import React from 'react';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {openLiveLog} from '../../source/app-context/live-log.js';
import {App, type ActionResult} from '../../source/ui/app.js';
import type {KeyEvent} from '../../source/ui/bindings.js';
import {pushNews} from '../../source/ui/live-updates.js';
import {appReducer, initialState, type AppData, type AppState} from '../../source/ui/state.js';
import {chainOf, decisionDraft} from '../decisions/helpers.js';
import {temporaryHome} from '../helpers.js';
import {embeddedData} from './fixtures.js';

const press = (state: AppState, ...events: Array<string | Omit<KeyEvent, 'input'>>) =>
	events.reduce(
		(current, event) => appReducer(current, {type: 'key', event: typeof event === 'string' ? {input: event} : {input: '', ...event}}),
		state,
	);

const offlineForms = [
	"shared log OFFLINE: read-only from this machine's copy (1 entry)",
	'shared log OFFLINE · 1 unsent',
	'OFFLINE · 1 unsent',
];
const shared = (): AppData => ({...embeddedData('2026-12-06'), storeStatus: offlineForms});
const local = (): AppData => ({...embeddedData('2026-12-06'), storeStatus: null});
const start = (data: AppData) => initialState(data, {columns: 100, rows: 24});

describe('the push key', () => {
	it('asks the shell to push a shared log, from a table, the dashboard and a detail', () => {
		for (const state of [start(shared()), press(start(shared()), '0'), press(start(shared()), {return: true})]) {
			const pushed = press(state, 'p');
			expect(pushed.effect).toEqual({kind: 'push'});
			expect(pushed.message?.text).toBe('pushing unsent entries to the shared log…');
		}
		expect(press(start(shared()), {return: true}).screen.kind).toBe('detail');
	});

	it('is also :push on the command line', () => {
		const state = press(start(shared()), ':', 'push', {return: true});
		expect(state.overlay.kind).toBe('none');
		expect(state.effect).toEqual({kind: 'push'});
	});

	it('says a local log needs a shared store, and asks for nothing', () => {
		for (const data of [local(), embeddedData('2026-12-06')]) {
			const state = press(start(data), 'p');
			expect(state.effect).toBeNull();
			expect(state.message?.text).toBe('push needs a shared store; this decision log is local (README: Team use)');
		}
		expect(press(start(local()), ':', 'push', {return: true}).message?.text).toContain('needs a shared store');
	});

	it('says to wait while the decision log is still loading', () => {
		const state = press(start({...shared(), loading: true}), 'p');
		expect(state.effect).toBeNull();
		expect(state.message?.text).toBe('still loading the decision log; try again in a moment');
	});

	it('follows a remapped key', () => {
		const remapped = initialState(shared(), {columns: 100, rows: 24}, 'vendors', {
			keymap: [{command: 'push', keys: [{input: 'P', label: 'P'}], help: 'push unsent entries', contexts: ['table']}],
		});
		expect(press(remapped, 'p').effect).toBeNull();
		expect(press(remapped, 'P').effect).toEqual({kind: 'push'});
	});
});

const [refusedEntry] = chainOf([decisionDraft()]);

describe("a push's one line", () => {
	it('says how many entries were pushed', () => {
		expect(pushNews({kind: 'pushed', sent: 1, alreadyThere: 0, refused: [], remaining: 0})).toBe('pushed 1 entry');
		expect(pushNews({kind: 'pushed', sent: 3, alreadyThere: 0, refused: [], remaining: 0})).toBe('pushed 3 entries');
	});

	it('says nothing to push when the outbox was empty, and what it found already there', () => {
		expect(pushNews({kind: 'pushed', sent: 0, alreadyThere: 0, refused: [], remaining: 0})).toBe('nothing to push');
		expect(pushNews({kind: 'pushed', sent: 0, alreadyThere: 2, refused: [], remaining: 0})).toBe(
			'nothing to push; 2 entries already in the shared log',
		);
	});

	it('names a refusal, its reason made inert, and what is still unsent', () => {
		const line = pushNews({
			kind: 'pushed',
			sent: 1,
			alreadyThere: 0,
			refused: [{entry: refusedEntry!, reason: 'decision #4 was countersigned already\u001B[2J', at: '2026-12-06T10:00:00.000Z'}],
			remaining: 1,
		});
		expect(line).toMatch(
			/^pushed 1 entry; 1 refused \(kept in outbox-refused\.jsonl\): decision #4 was countersigned already.*; 1 entry still unsent$/,
		);
		expect(line).not.toContain('\u001B');
	});

	it('says it is still offline, and what stays unsent, when the database cannot be reached', () => {
		const problem = 'cannot push to the shared log at postgres://db.example.org/team: timeout exceeded when trying to connect';
		expect(pushNews({kind: 'offline', problem, unsent: 1})).toBe(`✗ still offline, nothing pushed: 1 entry stays unsent (${problem})`);
		expect(pushNews({kind: 'offline', problem, unsent: 2})).toContain('2 entries stay unsent');
	});

	it('says a local log needs a shared store', () => {
		expect(pushNews({kind: 'local'})).toContain('needs a shared store');
	});
});

describe('a local decision log', () => {
	it('has nothing to push', async () => {
		const home = temporaryHome();
		try {
			const live = await openLiveLog({VENDOR_RISK_HOME: home.path});
			try {
				expect(await live.push()).toEqual({kind: 'local'});
			} finally {
				await live.close();
			}
		} finally {
			home.remove();
		}
	});
});

describe('the App running the push', () => {
	let unmount: (() => void) | undefined;
	afterEach(() => unmount?.());

	const pushFrom = async (push: () => Promise<ActionResult>) => {
		const instance = render(<App data={shared()} size={{columns: 100, rows: 24}} actions={{push}} />);
		unmount = instance.unmount;
		const frame = () => instance.lastFrame() ?? '';
		await vi.waitFor(() => expect(frame()).toContain('OFFLINE · 1 unsent'));
		instance.stdin.write('p');
		return frame;
	};

	it('shows the new data and the line the push returns', async () => {
		const afterPush: AppData = {...embeddedData('2026-12-06'), storeStatus: ['shared log online · 2 entries', 'shared log online']};
		const push = vi.fn(async () => ({data: afterPush, message: 'pushed 1 entry'}));
		const frame = await pushFrom(push);
		await vi.waitFor(() => expect(frame()).toContain('pushed 1 entry'));
		expect(frame()).toContain('shared log online');
		expect(frame()).not.toContain('unsent');
		expect(push).toHaveBeenCalledTimes(1);
	});

	it('shows why, in one line, when the push fails', async () => {
		const frame = await pushFrom(async () => {
			throw new Error('cannot push: the shared store was migrated by a newer vendor-risk');
		});
		await vi.waitFor(() => expect(frame()).toContain('✗ cannot push: the shared store was migrated by a newer vendor-risk'));
		expect(frame()).toContain('OFFLINE · 1 unsent');
	});
});
