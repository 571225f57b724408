// A detail screen as pure state: its lines, the focused line (what `y` copies,
// where Enter leads), how far it is scrolled in wrapped rows, and which of a
// vendor's screening hits is focused (x and n act on that one).
import type {EntryRow} from '../tables/index.js';
import type {AppData} from './app-data.js';
import {
	countersignSections,
	entryDetailLines,
	findingSections,
	ruleDetailLines,
	vendorDetailLines,
	type DetailLine,
} from './detail-lines.js';
import {exposureOf, findingsOf} from './exposure.js';
import {wrapDetail} from './detail-wrap.js';

export type DetailState = {
	kind: 'detail';
	title: string;
	/** What `y` copies on a line without a URL or citation: id, tab, name. */
	copyText: string;
	lines: DetailLine[];
	/** The focused line: an index into lines, never a blank one. */
	focus: number;
	/** The first wrapped row shown. */
	scroll: number;
	/** The vendor shown, for decisions and hits; absent on a list entry's detail. */
	vendorId?: string;
	/** The list entry shown, on a list entry's detail. */
	entryId?: string;
	/** The class rule shown, on a rule's detail. */
	ruleId?: string;
	hitIds: string[];
	/** The focused hit: an index into hitIds. */
	hit: number;
};

/** The room a detail is drawn in: columns for wrapping, rows for a page. */
export type Viewport = {width: number; height: number};

export type DetailAction =
	| {type: 'focusBy'; lines: number}
	| {type: 'page'; pages: number}
	| {type: 'focusTo'; line: 'first' | 'last'}
	/** The terminal changed size: keep the focused line in view. */
	| {type: 'refit'};

const isFocusable = (line: DetailLine | undefined) => Boolean(line && line.text.trim());

/** The nearest focusable line from `start` stepping by `step`, or -1. */
function nearestFocusable(lines: readonly DetailLine[], start: number, step: 1 | -1): number {
	for (let index = start; index >= 0 && index < lines.length; index += step) if (isFocusable(lines[index])) return index;
	return -1;
}

const maxScroll = (detail: DetailState, viewport: Viewport) =>
	Math.max(0, wrapDetail(detail.lines, viewport.width).rows.length - viewport.height);

/** The scroll that shows the focused line: at the top of the page when `toTop`, else moving as little as it can. */
function scrolledToFocus(detail: DetailState, viewport: Viewport, toTop = false): DetailState {
	const {firstRow, rows} = wrapDetail(detail.lines, viewport.width);
	const first = firstRow[detail.focus] ?? 0;
	const last = (firstRow[detail.focus + 1] ?? rows.length) - 1;
	let scroll = detail.scroll;
	if (toTop || first < scroll) scroll = first;
	else if (last >= scroll + viewport.height) scroll = Math.min(first, last - viewport.height + 1);
	return {...detail, scroll: Math.max(0, Math.min(maxScroll(detail, viewport), scroll))};
}

/** Focus on line `index` (or the nearest focusable after it), scrolled into view. */
export function focusOn(detail: DetailState, index: number, viewport: Viewport, toTop = false): DetailState {
	const focus = nearestFocusable(detail.lines, Math.max(0, index), 1);
	const fallback = nearestFocusable(detail.lines, detail.lines.length - 1, -1);
	return scrolledToFocus({...detail, focus: focus >= 0 ? focus : Math.max(0, fallback)}, viewport, toTop);
}

/** A page down or up: the view moves a page, and the focus goes to the first line that starts in it. */
function paged(detail: DetailState, pages: number, viewport: Viewport): DetailState {
	const {firstRow} = wrapDetail(detail.lines, viewport.width);
	const scroll = Math.max(0, Math.min(maxScroll(detail, viewport), detail.scroll + pages * viewport.height));
	if (scroll === detail.scroll) {
		const end = pages > 0 ? nearestFocusable(detail.lines, detail.lines.length - 1, -1) : nearestFocusable(detail.lines, 0, 1);
		return end < 0 ? detail : scrolledToFocus({...detail, focus: end}, viewport);
	}
	const startsInView = firstRow.findIndex((row, index) => row >= scroll && isFocusable(detail.lines[index]));
	const focus = startsInView >= 0 && firstRow[startsInView]! < scroll + viewport.height ? startsInView : detail.focus;
	return {...detail, scroll, focus};
}

export function detailReducer(detail: DetailState, action: DetailAction, viewport: Viewport): DetailState {
	switch (action.type) {
		case 'focusBy': {
			const step = action.lines > 0 ? 1 : -1;
			let focus = detail.focus;
			for (let moved = 0; moved < Math.abs(action.lines); moved++) {
				const next = nearestFocusable(detail.lines, focus + step, step);
				if (next < 0) break;
				focus = next;
			}
			return scrolledToFocus({...detail, focus}, viewport);
		}
		case 'page':
			return paged(detail, action.pages, viewport);
		case 'focusTo':
			return action.line === 'first'
				? {...focusOn(detail, 0, viewport), scroll: 0}
				: {...focusOn(detail, nearestFocusable(detail.lines, detail.lines.length - 1, -1), viewport), scroll: maxScroll(detail, viewport)};
		case 'refit':
			return scrolledToFocus(detail, viewport);
	}
}

/** Where Enter on the focused line leads: the line its `jumpTo` names, at the top of the page; null when it leads nowhere. */
export function followFocused(detail: DetailState, viewport: Viewport): DetailState | null {
	const target = detail.lines[detail.focus]?.jumpTo;
	const index = target ? detail.lines.findIndex(line => line.anchor === target) : -1;
	return index < 0 ? null : focusOn(detail, index, viewport, true);
}

/**
 * `fresh` (the same detail rebuilt from new data, where sections may have
 * grown) at the place `old` was: the focus on the same line, found by its
 * text nearest where it was, at the same height on the screen.
 */
export function relocated(old: DetailState, fresh: DetailState, viewport: Viewport): DetailState {
	const focused = old.lines[old.focus];
	let focus = -1;
	fresh.lines.forEach((line, index) => {
		if (line.text === focused?.text && (focus < 0 || Math.abs(index - old.focus) < Math.abs(focus - old.focus))) focus = index;
	});
	if (focus < 0) focus = Math.min(old.focus, fresh.lines.length - 1);
	const height = (wrapDetail(old.lines, viewport.width).firstRow[old.focus] ?? 0) - old.scroll;
	const scroll = (wrapDetail(fresh.lines, viewport.width).firstRow[focus] ?? 0) - height;
	return scrolledToFocus({...fresh, focus, scroll: Math.max(0, Math.min(maxScroll(fresh, viewport), scroll))}, viewport);
}

/** What `y` copies on the focused line: its URL or citation if it has one, else the id and name. */
export const copyOfFocused = (detail: DetailState): string => detail.lines[detail.focus]?.copy ?? detail.copyText;

/** How a vendor's detail opens: which hit is focused, and the restriction (anchor) or the place (focus, scroll) to open at. */
export type VendorDetailPlace = {hit?: number; anchor?: string; focus?: number; scroll?: number};

/** A vendor's detail, with hit number `hit` focused, opened at a restriction or at a kept place (else at the top). */
export function vendorDetail(data: AppData, vendorId: string, place: VendorDetailPlace, viewport: Viewport): DetailState {
	const vendor = data.catalog.vendorById.get(vendorId);
	const hitIds = data.hitIdsOf?.(vendorId) ?? [];
	const hit = Math.min(place.hit ?? 0, Math.max(0, hitIds.length - 1));
	// Findings read like restrictions, so they come first; then hits and decisions, and a decision waiting for a countersign.
	const sections = [
		...findingSections(findingsOf(data)(vendorId)),
		...(data.detailSections?.(vendorId, hitIds[hit]) ?? []),
		...countersignSections(data.pendingCountersignOf?.(vendorId) ?? null),
	];
	const lines = vendorDetailLines(data.catalog, vendorId, data.asOf, sections);
	const detail: DetailState = {
		kind: 'detail',
		title: vendor?.name ?? vendorId,
		copyText: `${vendorId}\t${vendor?.name ?? ''}`,
		lines,
		focus: 0,
		scroll: place.scroll ?? 0,
		vendorId,
		hitIds,
		hit,
	};
	const anchored = place.anchor ? lines.findIndex(line => line.anchor === place.anchor) : -1;
	if (anchored >= 0) return focusOn(detail, anchored, viewport, true);
	return focusOn(detail, Math.min(place.focus ?? 0, lines.length - 1), viewport);
}

export function entryDetail(entry: EntryRow, viewport: Viewport, place: {focus?: number; scroll?: number} = {}): DetailState {
	const lines = entryDetailLines(entry);
	const detail: DetailState = {
		kind: 'detail',
		title: entry.name,
		copyText: `${entry.id}\t${entry.name}`,
		lines,
		focus: 0,
		scroll: place.scroll ?? 0,
		entryId: entry.id,
		hitIds: [],
		hit: 0,
	};
	return focusOn(detail, Math.min(place.focus ?? 0, lines.length - 1), viewport);
}

/** A class rule's detail, opened at the top or at a kept place. */
export function ruleDetail(data: AppData, ruleId: string, viewport: Viewport, place: {focus?: number; scroll?: number} = {}): DetailState {
	const rule = data.catalog.classRuleById.get(ruleId);
	const lines = ruleDetailLines(data.catalog, ruleId, data.asOf, exposureOf(data));
	const detail: DetailState = {
		kind: 'detail',
		title: rule?.title ?? ruleId,
		copyText: `${ruleId}\t${rule?.title ?? ''}`,
		lines,
		focus: 0,
		scroll: place.scroll ?? 0,
		ruleId,
		hitIds: [],
		hit: 0,
	};
	return focusOn(detail, Math.min(place.focus ?? 0, lines.length - 1), viewport);
}

/** The focused hit's line: a list hit's or a curated join's ("▶ hit 1/2", "▶ curated vendor 1/1"). */
const isFocusedHitLine = (line: DetailLine) => /^▶ (?:hit|curated vendor) \d/.test(line.text);

/** The vendor's next hit focused (after the last, the first), its line at the top; null when there are no hits here. */
export function withNextHit(detail: DetailState, data: AppData, viewport: Viewport): DetailState | null {
	if (!detail.vendorId || detail.hitIds.length === 0) return null;
	const next = vendorDetail(data, detail.vendorId, {hit: (detail.hit + 1) % detail.hitIds.length, scroll: detail.scroll}, viewport);
	const focusLine = next.lines.findIndex(isFocusedHitLine);
	return focusLine >= 0 ? focusOn(next, focusLine, viewport, true) : next;
}
