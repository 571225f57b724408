// Review cadence by risk tier: the inventory's criticality picks the re-review
// period of each outcome (config reviewDays.<tier>.<outcome>), untiered vendors
// use reviewDays.<outcome>.

/** A tier name as config keys spell it: the criticality lower-cased, runs of other characters as one '-'. */
export function tierName(criticality: string | null | undefined): string | null {
	const name = (criticality ?? '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return name || null;
}

export type CadenceSettings = {reviewDays: Record<string, number>; tierReviewDays?: Record<string, Record<string, number>>};

/** Re-review periods by outcome for a tier: the tier's own, falling back outcome by outcome to the untiered ones. */
export function reviewDaysFor(tier: string | null, settings: CadenceSettings): Record<string, number> {
	const own = tier ? settings.tierReviewDays?.[tier] : undefined;
	return {...settings.reviewDays, ...own};
}
