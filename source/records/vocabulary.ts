// Record rules that need no schema library: real dates and restriction kinds.
// Kept apart from schema.ts so the first paint does not load zod.

export function isRealPartialDate(value: string): boolean {
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
	if (!match) return false;
	const [, year, month, day] = match;
	if (month === undefined) return true;
	const monthNumber = Number(month);
	if (monthNumber < 1 || monthNumber > 12) return false;
	if (day === undefined) return true;
	const date = new Date(Date.UTC(Number(year), monthNumber - 1, Number(day)));
	return date.getUTCMonth() === monthNumber - 1 && date.getUTCDate() === Number(day);
}

/** How hard a restriction bites; ranks the "most severe instrument". */
export const restrictionKinds = ['sanctions', 'prohibition', 'export-control', 'procurement', 'investment', 'telecom', 'advisory'] as const;
