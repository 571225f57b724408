// One line of the `npm run bench` table.
export type BenchRow = {
	case: string;
	size: string;
	medianMs: number;
	p95Ms: number | null;
	/** What the case is compared with, e.g. "node -e 0" or "exhaustive scoring". */
	baseline: string | null;
	baselineMs: number | null;
	/** The ratio to the baseline when it is not median / baseline median (e.g. the median of interleaved rounds' ratios). */
	ratio?: number;
	/** Human-readable target, e.g. "<= 50 ms" or "<= 4x". */
	target: string;
	met: boolean;
	/** The one-minute load average while the figure was taken ("2.4" or "2.4-3.1"); a row without one gets its suite's. */
	load?: string;
	note?: string;
	/** Quality rows (quality-cases.ts) go in a table of their own: a measure and its value instead of timings. */
	kind?: 'speed' | 'quality';
	measure?: string;
	value?: string;
};

export function percentile(values: number[], fraction: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}
