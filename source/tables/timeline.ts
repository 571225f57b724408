// Rows of the Timeline view: every dated restriction milestone, with days to go or since.
import {daysBetween} from '../dates/index.js';
import type {Catalog} from '../records/index.js';
import type {Column, TableSpec} from './column.js';

export type TimelineRow = {
	id: string;
	date: string;
	days: number;
	vendorId: string;
	vendor: string;
	what: string;
	instrument: string;
	restrictionId: string;
};

export function timelineRows(catalog: Catalog, asOf: string): TimelineRow[] {
	return catalog.restrictions.flatMap(restriction =>
		restriction.milestones.map((milestone, index) => ({
			id: `${restriction.id}#${index}`,
			date: milestone.date,
			days: daysBetween(asOf, milestone.date),
			vendorId: restriction.vendorId,
			vendor: catalog.vendorById.get(restriction.vendorId)?.name ?? restriction.vendorId,
			what: milestone.what,
			instrument: restriction.instrument,
			restrictionId: restriction.id,
		})),
	);
}

export const relativeDays = (days: number) => (days === 0 ? 'today' : days > 0 ? `in ${days} d` : `${-days} d ago`);

const columns: Column<TimelineRow>[] = [
	{key: 'date', label: 'Date', value: row => row.date, priority: 0, minWidth: 10, maxWidth: 10},
	{
		key: 'days',
		label: 'When',
		aliases: ['relative'],
		value: row => row.days,
		display: row => relativeDays(row.days),
		priority: 1,
		minWidth: 9,
		maxWidth: 11,
		align: 'right',
	},
	{key: 'vendor', label: 'Vendor', value: row => row.vendor, priority: 0, minWidth: 10, maxWidth: 18},
	{key: 'what', label: 'Milestone', aliases: ['milestone'], value: row => row.what, priority: 0, minWidth: 16, maxWidth: 60, grow: true},
	{key: 'instrument', label: 'Instrument', value: row => row.instrument, priority: 2, minWidth: 10, maxWidth: 26},
	{key: 'upcoming', label: 'Upcoming', hidden: true, value: row => (row.days > 0 ? 'yes' : 'no'), priority: 9, minWidth: 0, maxWidth: 0},
	{key: 'vendorid', label: 'Vendor id', hidden: true, value: row => row.vendorId, priority: 9, minWidth: 0, maxWidth: 0},
	{key: 'id', label: 'Restriction id', hidden: true, value: row => row.restrictionId, priority: 9, minWidth: 0, maxWidth: 0},
];

export const timelineTable: TableSpec<TimelineRow> = {name: 'Timeline', columns, defaultSort: {column: 'date', descending: false}};

const blocks = ' ▁▂▃▄▅▆▇█';

/** Milestones per month between the first and last date, as one line of block characters. */
export function monthlyChart(dates: readonly string[], width: number): string {
	if (dates.length === 0 || width < 20) return '';
	const months = dates.map(date => date.slice(0, 7)).sort();
	const first = months[0]!;
	const last = months.at(-1)!;
	const index = (month: string) =>
		(Number(month.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(month.slice(5, 7)) - Number(first.slice(5, 7));
	const span = index(last) + 1;
	const slots = Math.max(1, Math.min(span, width - first.length - last.length - 12));
	const counts = new Array<number>(slots).fill(0);
	for (const month of months) counts[Math.min(slots - 1, Math.floor((index(month) * slots) / span))]! += 1;
	const peak = Math.max(...counts);
	const bars = counts.map(count => (count === 0 ? '·' : blocks[Math.max(1, Math.round((count / peak) * 8))])).join('');
	return `${first} ${bars} ${last}  (max ${peak}/${slots === span ? 'month' : `${Math.ceil(span / slots)} months`})`;
}
