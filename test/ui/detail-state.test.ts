// The detail screen's reducer on its own: a focused line moved through the
// wrapped text, pages, opening at a restriction, following a summary line to
// its restriction, what y copies, and stepping through a vendor's hits.
import {describe, expect, it} from 'vitest';
import type {EntryRow} from '../../source/tables/index.js';
import type {AppData} from '../../source/ui/app-data.js';
import {
	copyOfFocused,
	detailReducer,
	entryDetail,
	followFocused,
	vendorDetail,
	withNextHit,
	type DetailAction,
	type DetailState,
} from '../../source/ui/detail-state.js';
import {wrapDetail, wrapText} from '../../source/ui/detail-wrap.js';
import {embeddedData} from './fixtures.js';

const viewport = {width: 80, height: 10};
const hitIds = ['e1', 'e2', 'e3'];
/** Kaspersky with three hits; the focused one is marked ▶ after a long run of filler lines, so focusing it must scroll. */
const withHits = (): AppData => ({
	...embeddedData(),
	hitIdsOf: vendorId => (vendorId === 'kaspersky' ? hitIds : []),
	detailSections: (_vendorId, focused) => [
		{
			title: 'Screening hits',
			lines: hitIds.flatMap((id, index) => [
				...Array.from({length: 15}, () => ({text: `  filler before ${id}`})),
				{text: `${id === focused ? '▶' : ' '} hit ${index + 1}: ${id}`},
			]),
		},
	],
});
const shortEntry: EntryRow = {
	id: 'x1',
	name: 'Short Entry',
	source: 'csl',
	aliases: [],
	type: 'entity',
	addresses: [],
	countries: [],
	list: 'SDN',
	programs: [],
	listedOn: null,
	federalRegisterNotice: null,
	remarks: null,
	sourceUrls: ['https://example.gov/a/very/long/path/that/is/wider/than/the/narrow/viewport/of/this/test'],
	identifiers: [],
};
const act = (detail: DetailState, ...actions: DetailAction[]) =>
	actions.reduce((current, action) => detailReducer(current, action, viewport), detail);
const kaspersky = () => vendorDetail(embeddedData(), 'kaspersky', {}, viewport);
const rowsOf = (detail: DetailState) => wrapDetail(detail.lines, viewport.width).rows;
const focusedText = (detail: DetailState) => detail.lines[detail.focus]!.text;

describe('reading a detail', () => {
	it('opens with the restriction summary before the entities and aliases', () => {
		const texts = kaspersky().lines.map(line => line.text);
		const summary = texts.findIndex(text => text.startsWith('Summary:'));
		expect(summary).toBeGreaterThan(0);
		expect(texts[summary + 1]).toMatch(/^▸ \[active\] .* · applies to: .* · next: /);
		expect(summary).toBeLessThan(texts.indexOf('Entities'));
		expect(texts.findIndex(text => text.startsWith('Restrictions ('))).toBeLessThan(texts.indexOf('Entities'));
	});

	it('moves the focus line by line, skipping blank lines, and scrolls only to keep it in view', () => {
		let detail = kaspersky();
		expect(detail.focus).toBe(0);
		for (let step = 0; step < 40; step++) {
			const before = detail;
			detail = act(detail, {type: 'focusBy', lines: 1});
			expect(detail.focus).toBeGreaterThan(before.focus);
			expect(focusedText(detail).trim()).not.toBe('');
			const {firstRow} = wrapDetail(detail.lines, viewport.width);
			expect(firstRow[detail.focus]).toBeGreaterThanOrEqual(detail.scroll);
			expect(detail.scroll - before.scroll).toBeGreaterThanOrEqual(0);
		}
		expect(act(detail, {type: 'focusBy', lines: -1000}).focus).toBe(0);
	});

	it('pages a screen of rows at a time and stops with the last row at the bottom', () => {
		const detail = kaspersky();
		const paged = act(detail, {type: 'page', pages: 1});
		expect(paged.scroll).toBe(viewport.height);
		const end = act(detail, {type: 'focusTo', line: 'last'});
		expect(end.scroll).toBe(rowsOf(detail).length - viewport.height);
		expect(act(end, {type: 'page', pages: 5}).scroll).toBe(end.scroll);
		expect(act(end, {type: 'focusTo', line: 'first'})).toMatchObject({scroll: 0, focus: 0});
	});

	it('opens a vendor at a restriction, its entry at the top of the page', () => {
		const restriction = embeddedData().catalog.restrictionsByVendor.get('kaspersky')!.at(-1)!;
		const detail = vendorDetail(embeddedData(), 'kaspersky', {anchor: restriction.id}, viewport);
		expect(detail.lines[detail.focus]!.anchor).toBe(restriction.id);
		expect(detail.scroll).toBe(wrapDetail(detail.lines, viewport.width).firstRow[detail.focus]);
	});

	it('follows a summary line to its restriction in full, and nowhere from a line without one', () => {
		const detail = kaspersky();
		const summary = detail.lines.findIndex(line => line.jumpTo);
		const followed = followFocused({...detail, focus: summary}, viewport)!;
		expect(followed.lines[followed.focus]!.anchor).toBe(detail.lines[summary]!.jumpTo);
		expect(followFocused(detail, viewport)).toBeNull();
	});

	it('copies the focused line’s URL or citation whole, and the id and name elsewhere', () => {
		const detail = kaspersky();
		const official = detail.lines.findIndex(line => line.text.includes('official: https://'));
		expect(copyOfFocused({...detail, focus: official})).toMatch(/^https:\/\/\S+$/);
		const citation = detail.lines.findIndex(line => line.text.includes('citation: '));
		expect(copyOfFocused({...detail, focus: citation})).toMatch(/FR/);
		expect(copyOfFocused(detail)).toBe('kaspersky\tKaspersky');
	});

	it('wraps every line to the width and cuts nothing: a long URL is broken across rows', () => {
		const entry = entryDetail(shortEntry, {width: 30, height: 10});
		const rows = wrapDetail(entry.lines, 30).rows;
		for (const row of rows) expect(row.text.length).toBeLessThanOrEqual(30);
		expect(rows.map(row => row.text.trim()).join('')).toContain(shortEntry.sourceUrls[0]);
		expect(rows.some(row => row.text.includes('…'))).toBe(false);
	});
});

describe("stepping through a vendor's hits", () => {
	it('focuses the next hit and puts it at the top of the page, wrapping after the last', () => {
		let detail = vendorDetail(withHits(), 'kaspersky', {}, viewport);
		for (const expected of ['e2', 'e3', 'e1']) {
			detail = withNextHit(detail, withHits(), viewport)!;
			expect(detail.hitIds[detail.hit]).toBe(expected);
			expect(focusedText(detail)).toBe(`▶ hit ${hitIds.indexOf(expected) + 1}: ${expected}`);
			expect(detail.scroll).toBe(wrapDetail(detail.lines, viewport.width).firstRow[detail.focus]);
		}
	});

	it('has no next hit on a vendor without hits or on a list entry', () => {
		expect(withNextHit(vendorDetail(withHits(), 'huawei', {}, viewport), withHits(), viewport)).toBeNull();
		expect(withNextHit(entryDetail(shortEntry, viewport), withHits(), viewport)).toBeNull();
	});
});

describe('wrapping a line', () => {
	it('moves words to the next row under the text, keeping the spacing inside a row', () => {
		expect(wrapText('HQ RU  designations: FA-791.4  parent: Kaspersky Labs Limited', 30)).toEqual([
			'HQ RU  designations: FA-791.4',
			'  parent: Kaspersky Labs',
			'  Limited',
		]);
		expect(wrapText('    scope: Advisory (not a legal ban)', 20)).toEqual(['    scope: Advisory', '      (not a legal', '      ban)']);
	});

	it('breaks a word wider than the row across rows, wide characters by their width', () => {
		expect(wrapText('  https://example.gov/abcdefghij', 12)).toEqual(['  https://ex', '    ample.go', '    v/abcdef', '    ghij']);
		for (const row of wrapText('华为技术有限公司华为技术有限公司', 9)) expect(row.length * 2).toBeLessThanOrEqual(10);
	});
});

describe("what a vendor's detail says of each restriction", () => {
	const texts = (data: AppData, vendorId: string) => vendorDetail(data, vendorId, {}, viewport).lines.map(line => line.text);

	it('says "executives designated" where a restriction is on persons, with every verification and evidence note', () => {
		const data = embeddedData('2026-12-06');
		const lines = texts(data, 'kaspersky');
		const restrictions = data.catalog.restrictionsByVendor.get('kaspersky')!;
		expect(lines.filter(line => /^ {4}verification: /.test(line))).toHaveLength(restrictions.length);
		expect(lines.filter(line => line.startsWith('    evidence: '))).toHaveLength(restrictions.filter(item => item.evidence).length);
		expect(lines.some(line => /^ {4}executives designated: persons only, not the company/.test(line))).toBe(true);
		expect(lines.find(line => line.startsWith('record from: '))).toMatch(/data: sources to \d{4}-\d{2} · compiled \d{4}-\d{2}-\d{2}$/);
	});

	it('gives a suspended restriction its status in words, in the summary and in full', () => {
		const data = embeddedData('2026-12-06');
		const [first, ...others] = data.catalog.restrictionsByVendor.get('kaspersky')!;
		const suspended = {...first!, suspensions: [{from: '2026-11-01', until: '2027-01-31', what: 'stayed by a court', source: null}]};
		const catalog = {...data.catalog, restrictionsByVendor: new Map([['kaspersky', [suspended, ...others]]])};
		const lines = texts({...data, catalog}, 'kaspersky');
		expect(lines.filter(line => line.includes(`[suspended until 2027-01-31] ${first!.instrument}`))).toHaveLength(2);
		expect(lines.some(line => /^Summary: \d+ active, 1 suspended$/.test(line))).toBe(true);
	});
});
