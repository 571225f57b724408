import {describe, expect, it} from 'vitest';
import {restrictionStatusOn} from '../../source/records/index.js';
import type {EntryRow} from '../../source/tables/index.js';
import type {KeyEvent} from '../../source/ui/bindings.js';
import {appReducer, initialState, pageSize, type AppState} from '../../source/ui/state.js';
import {embeddedData, withDecisionRules} from './fixtures.js';

const start = (rows = 24) => initialState(embeddedData(), {columns: 80, rows});
const press = (state: AppState, ...events: Array<string | Omit<KeyEvent, 'input'>>) =>
	events.reduce(
		(current, event) => appReducer(current, {type: 'key', event: typeof event === 'string' ? {input: event} : {input: '', ...event}}),
		state,
	);
const table = (state: AppState) => state.tables[state.view];
const selected = (state: AppState) => table(state).selectedId;

describe('the TUI reducer', () => {
	it('moves the selection with j/k and arrows, clamped to the rows', () => {
		let state = press(start(), 'j', 'j', {downArrow: true});
		expect(table(state).cursor).toBe(3);
		state = press(state, 'k', {upArrow: true}, 'k', 'k', 'k');
		expect(table(state).cursor).toBe(0);
	});

	it('pages and jumps, keeping the cursor inside the window', () => {
		let state = press(start(), {pageDown: true});
		expect(table(state).cursor).toBe(pageSize(state));
		expect(table(state).top).toBeGreaterThan(0);
		state = press(state, 'G');
		expect(table(state).cursor).toBe(table(state).result.rows.length - 1);
		expect(table(state).cursor - table(state).top).toBeLessThan(pageSize(state));
		state = press(state, {home: true});
		expect(table(state).cursor).toBe(0);
		expect(table(state).top).toBe(0);
	});

	it('keeps the selection on the same row when the filter changes', () => {
		let state = press(start(), 'j', 'j', 'j');
		const id = selected(state);
		state = press(state, '/', ...'hq:'.split(''));
		const vendor = state.data.catalog.vendorById.get(id!)!;
		state = press(state, ...vendor.hq.split(''), {return: true});
		expect(selected(state)).toBe(id);
		expect(state.overlay.kind).toBe('none');
	});

	it('takes a pasted filter as one string, character by character', () => {
		const state = press(start(), '/', 'jurisdiction:RU');
		expect(table(state).filterText).toBe('jurisdiction:RU');
		expect(table(state).result.rows.every(row => (row as {hq?: string}).hq === 'RU')).toBe(true);
	});

	it('hands the characters after a glued "/" to the filter box', () => {
		const state = press(start(), '/kasp');
		expect(state.overlay.kind).toBe('filter');
		expect(table(state).filterText).toBe('kasp');
	});

	it('clears the filter with Esc', () => {
		let state = press(start(), '/', 'huawei', {return: true});
		expect(table(state).result.rows).toHaveLength(1);
		state = press(state, {escape: true});
		expect(table(state).filterText).toBe('');
		expect(table(state).result.rows.length).toBe(table(state).rows.length);
	});

	it('cycles the sort column with s and reverses it with S', () => {
		let state = press(start(), 's');
		const first = table(state).sort!;
		expect(first.descending).toBe(false);
		state = press(state, 'S');
		expect(table(state).sort).toEqual({column: first.column, descending: true});
		state = press(state, 's');
		expect(table(state).sort!.column).not.toBe(first.column);
	});

	it('marks a row with Space, all visible rows with a, and clears with A', () => {
		let state = press(start(), ' ');
		expect(table(state).marks.size).toBe(1);
		state = press(state, '/', 'cn', {return: true}, 'a');
		expect(table(state).marks.size).toBeGreaterThan(10);
		state = press(state, 'A');
		expect(table(state).marks.size).toBe(0);
	});

	it('switches views with Tab, Shift-Tab and digits', () => {
		let state = press(start(), {tab: true});
		expect(state.view).toBe('jurisdictions');
		state = press(state, {tab: true, shift: true}, {tab: true, shift: true});
		expect(state.view).toBe('dashboard');
		state = press(state, {tab: true, shift: true});
		expect(state.view).toBe('rules');
		state = press(state, '7');
		expect(state.view).toBe('timeline');
		state = press(state, '3');
		expect(state.view).toBe('restrictions');
	});

	it('builds a hidden view when it is first opened, from the data current then', () => {
		let state = start();
		expect(state.tables.restrictions.built).toBe(false);
		state = appReducer(state, {type: 'data', data: embeddedData('2024-07-01')});
		state = press(state, '3', '/', 'id:kaspersky-icts', {return: true});
		expect(table(state).built).toBe(true);
		expect(table(state).result.rows.map(row => (row as {status?: string}).status)).toEqual(['upcoming']);
		expect(press(state, '3').tables.restrictions).toBe(state.tables.restrictions);
	});

	it('keeps the selection on the first row with the selected id when a list holds the id twice', () => {
		const entry = (id: string, name: string, source: string): EntryRow => ({
			id,
			name,
			source,
			aliases: [],
			type: 'entity',
			addresses: [],
			countries: ['CN'],
			list: 'SDN',
			programs: [],
			listedOn: null,
			federalRegisterNotice: null,
			remarks: null,
			sourceUrls: [],
			identifiers: [],
		});
		const entries = [entry('e1', 'Alpha Trading', 'ofac'), entry('e2', 'Beta Works', 'ofac'), entry('e1', 'Alpha Trading Co', 'csl')];
		let state = press(initialState({...embeddedData(), entries}, {columns: 80, rows: 24}, 'entries'), 'j');
		expect(table(state).result.rowAt(table(state).cursor)).toBe(entries[2]);
		state = press(state, '/', 'a');
		expect(table(state).result.rowAt(table(state).cursor)).toBe(entries[0]);
	});

	it('opens the vendors of a jurisdiction with Enter', () => {
		const state = press(start(), '2', '/', 'code:RU', {return: true}, {return: true});
		expect(state.view).toBe('vendors');
		expect(table(state).filterText).toBe('hq:RU');
		expect(table(state).result.rows.map(row => row.id)).toEqual(expect.arrayContaining(['kaspersky', 'positive-technologies']));
	});

	it('opens the vendor of a restriction with Enter, and goes back with Esc or q', () => {
		let state = press(start(), '3', '/', 'id:kaspersky-icts', {return: true}, {return: true});
		expect(state.screen.kind).toBe('detail');
		expect(state.screen.kind === 'detail' && state.screen.lines.some(line => line.text.includes('2024-09-29'))).toBe(true);
		state = press(state, {escape: true});
		expect(state.screen.kind).toBe('table');
		state = press(state, {return: true}, 'q');
		expect(state.screen.kind).toBe('table');
		expect(state.effect).toBeNull();
	});

	it('quits with q at the top level and with Ctrl-C anywhere', () => {
		expect(press(start(), 'q').effect).toEqual({kind: 'quit'});
		expect(press(start(), {return: true}, {ctrl: true, input: 'c'} as never).effect).toEqual({kind: 'quit'});
	});

	it('asks to copy the selected id and name with y, and says what it copied', () => {
		const state = press(start(), 'y');
		expect(state.effect).toEqual({kind: 'copy', text: `${selected(state)}\t${state.data.catalog.vendorById.get(selected(state)!)!.name}`});
		expect(state.message?.text).toContain('copied');
	});

	it('keeps the cursor visible after the terminal shrinks', () => {
		let state = press(start(40), 'G');
		state = appReducer(state, {type: 'resize', columns: 80, rows: 16});
		expect(table(state).cursor - table(state).top).toBeLessThan(pageSize(state));
	});
});

describe('the decision form in the reducer', () => {
	const decideOn = (state: AppState) => press(state, 'd');

	it('opens on the selected vendor and takes keys before the table', () => {
		let state = decideOn(start());
		expect(state.overlay.kind).toBe('decide');
		state = press(state, 'j', 'q');
		expect(state.effect).toBeNull();
		expect(table(state).cursor).toBe(0);
	});

	/** The rules run.tsx gives the form, on the embedded data, filtered to one vendor found by id. */
	const ruled = (signoff = 'none') => initialState(withDecisionRules(embeddedData(), signoff), {columns: 80, rows: 24});
	const on = (state: AppState, id: string) => press(state, '/', `id:${id}`, {return: true});
	const form = (state: AppState) => (state.overlay.kind === 'decide' ? state.overlay.form : null);

	it('opens with no outcome chosen, and saves nothing until one is', () => {
		let state = decideOn(start());
		expect(form(state)).toMatchObject({outcome: null, check: null});
		state = press(state, {return: true});
		expect(form(state)!.error).toMatch(/^choose an outcome first/);
		expect(state.effect).toBeNull();
	});

	it('requires a rationale for reject and says so', () => {
		let state = decideOn(start());
		state = press(state, {rightArrow: true}, {rightArrow: true}, {rightArrow: true}, {return: true});
		expect(form(state)!.error).toContain('rationale is required for reject');
		expect(state.effect).toBeNull();
	});

	it('submits outcome, reason, rationale, re-review date and evidence as one effect', () => {
		let state = decideOn(start());
		state = press(
			state,
			{rightArrow: true},
			{rightArrow: true},
			{rightArrow: true},
			{tab: true},
			{rightArrow: true},
			{tab: true},
			'ICTS ban',
			{tab: true},
			'2027-01-31',
			{tab: true},
			'memo.pdf; "minutes 2026.txt"',
			{return: true},
		);
		expect(state.overlay.kind).toBe('none');
		expect(state.effect).toEqual({
			kind: 'decide',
			submission: {
				vendorIds: [selected(start())],
				outcome: 'reject',
				reason: 'foreign-adversary-jurisdiction',
				rationale: 'ICTS ban',
				reviewBy: '2027-01-31',
				evidence: ['memo.pdf', 'minutes 2026.txt'],
				confirmed: false,
			},
		});
	});

	it('approving a restricted vendor needs a rationale, then a confirmation naming its restrictions, and y (not Enter) saves it', () => {
		let state = press(on(ruled(), 'kaspersky'), 'd', {rightArrow: true}, {return: true});
		// The focus goes to the field that needs the rationale.
		expect(form(state)).toMatchObject({field: 'rationale'});
		expect(form(state)!.error).toMatch(/^approve of a vendor with \d+ active restrictions needs a rationale$/);
		state = press(state, 'isolated lab only', {return: true});
		const confirming = form(state)!.confirming!;
		expect(confirming.lines[0]).toMatch(/^approve Kaspersky despite \d+ active restrictions: /);
		const data = embeddedData();
		const active = data.catalog.restrictionsByVendor
			.get('kaspersky')!
			.filter(restriction => restrictionStatusOn(restriction, data.asOf).status === 'active');
		expect(confirming.lines[0]).toContain(`${active[0]!.kind}: ${active[0]!.instrument}`);
		expect(confirming.lines[0]).toContain(`${active.length} active restrictions`);
		expect(state.effect).toBeNull();
		// Enter is not a confirmation; n goes back to the form with everything kept, and Esc from there cancels.
		expect(press(state, {return: true}).overlay).toBe(state.overlay);
		const back = press(state, 'n');
		expect(form(back)).toMatchObject({confirming: null, rationale: {value: 'isolated lab only'}});
		state = press(state, 'y');
		expect(state.overlay.kind).toBe('none');
		expect(state.effect).toMatchObject({
			kind: 'decide',
			submission: {vendorIds: ['kaspersky'], outcome: 'approve', rationale: 'isolated lab only', confirmed: true},
		});
	});

	it('offers only the reasons that fit the outcome: approve never offers sanctioned-entity', () => {
		const state = press(on(ruled(), 'kaspersky'), 'd', {rightArrow: true}, {tab: true});
		const seen = new Set<string>();
		let current = state;
		for (let step = 0; step < 6; step++) {
			const shown = form(current)!;
			seen.add(shown.choices.reasonsFor('approve')[shown.reason]!);
			current = press(current, {rightArrow: true});
		}
		expect([...seen].sort()).toEqual([...(embeddedData().decisionChoices!.reasonsFor('approve') ?? [])].sort());
		expect(seen.has('sanctioned-entity')).toBe(false);
	});

	it('decides on every marked row at once, after a confirmation that says how many and which', () => {
		const clear = {input: 'u', ctrl: true};
		let state = press(
			ruled(),
			'/',
			'id:nso-group',
			{return: true},
			' ',
			'/',
			clear,
			'id:candiru',
			{return: true},
			' ',
			{escape: true},
			'd',
		);
		expect(form(state)!.vendorIds).toEqual(['nso-group', 'candiru']);
		state = press(state, {rightArrow: true}, {rightArrow: true}, {rightArrow: true}, {tab: true}, {tab: true}, 'both listed', {
			return: true,
		});
		expect(form(state)!.confirming!.lines).toEqual(['reject 2 vendors: NSO Group, Candiru?']);
		state = press(state, 'y');
		expect(state.effect?.kind === 'decide' && state.effect.submission).toMatchObject({
			vendorIds: ['nso-group', 'candiru'],
			outcome: 'reject',
			confirmed: true,
		});
	});

	it('says when the sign-off policy will send the decision to a second reviewer', () => {
		const state = press(on(ruled('reject:restricted'), 'kaspersky'), 'd', {leftArrow: true}, {leftArrow: true}, {leftArrow: true});
		expect(form(state)!.check!.countersignFor).toEqual(['kaspersky']);
	});

	it('rejects an impossible re-review date', () => {
		const state = press(decideOn(start()), {rightArrow: true}, {upArrow: true}, {upArrow: true}, '2027-02-30', {return: true});
		expect(form(state)!.error).toContain('YYYY-MM-DD');
	});

	it('refuses an evidence file the rules say cannot be attached, naming it', () => {
		const data = {...embeddedData(), evidenceProblem: (path: string) => (path === 'gone.pdf' ? 'no such file' : null)};
		const state = press(initialState(data, {columns: 80, rows: 24}), 'd', {leftArrow: true}, {upArrow: true}, 'memo.pdf;gone.pdf', {
			return: true,
		});
		expect(form(state)).toMatchObject({error: 'evidence gone.pdf: no such file', field: 'evidence'});
		expect(state.effect).toBeNull();
	});

	it('cancels with Esc', () => {
		expect(press(decideOn(start()), {escape: true}).overlay.kind).toBe('none');
	});

	it("asks to undo the selected vendor's last decision with u", () => {
		expect(press(start(), 'u').effect).toEqual({kind: 'undo', vendorId: selected(start())});
	});

	it('refuses to open the form when the log is read-only, saying why', () => {
		const readOnly = initialState(
			{...embeddedData(), readOnlyReason: 'decision log is corrupt; opened read-only'},
			{columns: 80, rows: 24},
		);
		const state = press(readOnly, 'd');
		expect(state.overlay.kind).toBe('none');
		expect(state.message?.text).toContain('read-only');
	});
});

describe('the review queue and the timeline', () => {
	it('queues every restricted vendor without a standing decision, most severe first', () => {
		const state = press(start(), '6');
		expect(state.view).toBe('queue');
		const rows = table(state).result.rows as unknown as Array<{id: string; severity: number}>;
		expect(rows.length).toBe(26);
		expect(rows.map(row => row.severity)).toEqual([...rows.map(row => row.severity)].sort((a, b) => b - a));
	});

	it('leaves a vendor with a current decision out of the queue, and puts a stale one back', () => {
		const decided = (label: string, needsReview: boolean) =>
			initialState(
				{...embeddedData(), decisionOf: id => (id === 'kaspersky' ? {label, reviewBy: null, needsReview} : null)},
				{columns: 80, rows: 24},
			);
		expect(decided('reject', false).tables.queue.rows.map(row => row.id)).not.toContain('kaspersky');
		expect(decided('stale: reject', true).tables.queue.rows.map(row => row.id)).toContain('kaspersky');
	});

	it('orders milestones by date and counts days from --as-of', () => {
		const state = press(initialState(embeddedData('2024-08-01'), {columns: 80, rows: 24}), '7', '/', 'vendorid:kaspersky id:icts', {
			return: true,
		});
		const rows = table(state).result.rows as unknown as Array<{date: string; days: number}>;
		expect(rows.map(row => row.date)).toEqual(['2024-07-20', '2024-09-29']);
		expect(rows.map(row => row.days)).toEqual([-12, 59]);
	});
});
