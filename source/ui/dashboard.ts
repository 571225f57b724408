// The dashboard's figures and bar charts, as pure functions of the app data:
// block characters and numbers, readable without colour.
import {restrictionStatusOn} from '../records/index.js';
import type {AppData} from './app-data.js';

export type Bar = {label: string; value: number};

export function barLines(bars: readonly Bar[], width: number): string[] {
	const labelWidth = Math.min(24, Math.max(...bars.map(bar => bar.label.length), 1));
	const peak = Math.max(1, ...bars.map(bar => bar.value));
	const room = Math.max(4, width - labelWidth - 8);
	return bars.map(bar => {
		const length = bar.value === 0 ? 0 : Math.max(1, Math.round((bar.value / peak) * room));
		return `${bar.label.slice(0, labelWidth).padEnd(labelWidth)} ${'█'.repeat(length)} ${bar.value}`;
	});
}

export type DashboardFigures = {
	decisions: Bar[];
	queue: number;
	jurisdictions: Bar[];
	restrictions: Bar[];
	sources: string[];
};

export function dashboardFigures(data: AppData, queue: number): DashboardFigures {
	const counts = new Map<string, number>();
	for (const vendor of data.catalog.vendors) counts.set(vendor.hq || '—', (counts.get(vendor.hq || '—') ?? 0) + 1);
	const statuses = data.catalog.restrictions.map(restriction => restrictionStatusOn(restriction, data.asOf).status);
	const decided = new Map<string, number>();
	for (const vendor of data.catalog.vendors) {
		const label = data.decisionOf?.(vendor.id)?.label ?? 'undecided';
		const outcome = label === '—' ? 'undecided' : label;
		decided.set(outcome, (decided.get(outcome) ?? 0) + 1);
	}
	return {
		decisions: [...decided].sort((a, b) => b[1] - a[1]).map(([label, value]) => ({label, value})),
		queue,
		jurisdictions: [...counts]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 6)
			.map(([label, value]) => ({label, value})),
		restrictions: (['active', 'upcoming', 'ended'] as const).map(status => ({
			label: status,
			value: statuses.filter(item => item === status).length,
		})),
		sources:
			data.sources.length === 0
				? ['embedded dataset only (vendor-risk sources add URL|PATH)']
				: data.sources.map(
						source => `${source.state === 'ok' ? '✓' : '!'} ${source.name}: ${source.state}${source.detail ? ` (${source.detail})` : ''}`,
					),
	};
}
