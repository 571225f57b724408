// The detail screen's reducer on its own: scrolling within the lines, and stepping through a vendor's hits.
import {describe, expect, it} from 'vitest';
import type {EntryRow} from '../../source/tables/index.js';
import type {AppData} from '../../source/ui/app-data.js';
import {detailReducer, entryDetail, vendorDetail, withNextHit, type DetailState} from '../../source/ui/detail-state.js';
import {embeddedData} from './fixtures.js';

const page = 10;
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
	sourceUrls: [],
	identifiers: [],
};
const scroll = (detail: DetailState, ...actions: Parameters<typeof detailReducer>[1][]) =>
	actions.reduce((current, action) => detailReducer(current, action, page), detail);
const focusedLine = (detail: DetailState) => detail.lines.findIndex(line => line.text.startsWith('▶ hit'));

describe('scrolling a detail', () => {
	const detail = vendorDetail(embeddedData(), 'kaspersky', 0, 0);
	const last = detail.lines.length - page;

	it('scrolls by lines, never above the first line', () => {
		expect(scroll(detail, {type: 'scrollBy', lines: 3}).scroll).toBe(3);
		expect(scroll(detail, {type: 'scrollBy', lines: -3}).scroll).toBe(0);
	});

	it('stops with the last line at the bottom of the page', () => {
		expect(scroll(detail, {type: 'scrollBy', lines: 10_000}).scroll).toBe(last);
		expect(scroll(detail, {type: 'scrollTo', line: 'end'}).scroll).toBe(last);
		expect(scroll(detail, {type: 'scrollTo', line: 'end'}, {type: 'scrollTo', line: 0}).scroll).toBe(0);
	});

	it('does not scroll a detail shorter than the page', () => {
		const short = entryDetail(shortEntry);
		expect(short.lines.length).toBeLessThan(page);
		expect(scroll(short, {type: 'scrollBy', lines: 5}).scroll).toBe(0);
	});
});

describe("stepping through a vendor's hits", () => {
	it('focuses the next hit and scrolls to it, wrapping after the last', () => {
		let detail = vendorDetail(withHits(), 'kaspersky', 0, 0);
		expect(detail.lines[focusedLine(detail)]!.text).toContain('e1');
		for (const expected of ['e2', 'e3', 'e1']) {
			detail = withNextHit(detail, withHits(), page)!;
			expect(detail.hitIds[detail.hit]).toBe(expected);
			expect(detail.lines[focusedLine(detail)]!.text).toContain(expected);
			expect(detail.scroll).toBe(Math.min(focusedLine(detail), detail.lines.length - page));
		}
	});

	it('has no next hit on a vendor without hits or on a list entry', () => {
		expect(withNextHit(vendorDetail(withHits(), 'huawei', 0, 0), withHits(), page)).toBeNull();
		expect(withNextHit(entryDetail(shortEntry), withHits(), page)).toBeNull();
	});
});
