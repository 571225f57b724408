// The dashboard's figures and bar charts, as pure functions of the app data:
// block characters and numbers, readable without colour.
import {dataDates, restrictionStatusOn, restrictionStatuses} from '../records/index.js';
import {exposureCounts} from '../tables/index.js';
import {countOf, displayText} from '../text/index.js';
import type {AppData} from './app-data.js';
import {exposureOf} from './exposure.js';

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
	/** Class-rule and ownership findings by kind, or null when the run has no inventory or assets to apply the rules to. */
	findings: Bar[] | null;
	/** Under the findings: what was checked, and the categories no rule vocabulary knows. */
	findingNotes: string[];
	sources: string[];
};

function exposureFigures(data: AppData): Pick<DashboardFigures, 'findings' | 'findingNotes'> {
	const exposure = exposureOf(data);
	if (exposure.assetsChecked === 0 && exposure.findings.length === 0)
		return {findings: null, findingNotes: ['no assets or products checked', 'start with --assets or --inventory']};
	const counts = exposureCounts(exposure);
	const unknown = exposure.unknownCategories.map(category => displayText(category.category));
	return {
		findings: counts.byKind,
		findingNotes: [
			`${countOf(counts.assetsChecked, 'asset')}, ${countOf(counts.vendors, 'vendor')} with findings`,
			unknown.length ? `unknown categories (${unknown.length}): ${unknown.join(', ')}` : 'unknown categories: none',
		],
	};
}

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
		restrictions: restrictionStatuses.map(status => ({
			label: status,
			value: statuses.filter(item => item === status).length,
		})),
		...exposureFigures(data),
		sources: [
			`data: ${dataDates(data.catalog).label}`,
			...(data.sources.length === 0
				? ['embedded dataset only (vendor-risk sources add URL|PATH)']
				: data.sources.map(
						source => `${source.state === 'ok' ? '✓' : '!'} ${source.name}: ${source.state}${source.detail ? ` (${source.detail})` : ''}`,
					)),
		],
	};
}

/** How many lines each row of panels gets in `rows` of body: the sources (at most 3), then the restrictions and findings, the rest to the first row. */
export function dashboardBudget(bodyRows: number, sources: number): {first: number; second: number; sources: number} {
	const shownSources = Math.min(3, sources);
	// Each row of panels has a title line, and a blank line separates the rows.
	const rest = bodyRows - (1 + shownSources) - 2;
	const second = Math.max(1, Math.min(restrictionStatuses.length, Math.floor((rest - 2) / 2)));
	return {first: Math.max(1, rest - 2 - second), second, sources: shownSources};
}
