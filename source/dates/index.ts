// Calendar days, the one way: parsing and validating YYYY-MM-DD (and partial
// YYYY-MM / YYYY), day arithmetic, and "today", which is an input: the
// VENDOR_RISK_TODAY variable pins it (tests, reproducible runs), else the UTC date.

/** The variable that sets the app's notion of today (YYYY-MM-DD). --as-of wins over it where a command has one. */
export const todayVariable = 'VENDOR_RISK_TODAY';

const partialDayPattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day (2024-02-30 is not), or a deliberately partial YYYY / YYYY-MM. */
export function isRealPartialDate(value: string): boolean {
	const match = partialDayPattern.exec(value);
	if (!match) return false;
	const [, year, month, day] = match;
	if (month === undefined) return true;
	const monthNumber = Number(month);
	if (monthNumber < 1 || monthNumber > 12) return false;
	if (day === undefined) return true;
	const date = new Date(Date.UTC(Number(year), monthNumber - 1, Number(day)));
	return date.getUTCMonth() === monthNumber - 1 && date.getUTCDate() === Number(day);
}

/** A real YYYY-MM-DD day. */
export const isRealDay = (value: string): boolean => dayPattern.test(value) && isRealPartialDate(value);

/** The day itself when `text` is a real YYYY-MM-DD day, else null. */
export const parseDay = (text: string): string | null => (isRealDay(text) ? text : null);

/** Milliseconds since the epoch at UTC midnight of a real day, or null. */
export const dayStartMs = (text: string): number | null => (isRealDay(text) ? Date.parse(`${text}T00:00:00.000Z`) : null);

/** The UTC calendar day of a moment. */
export const dayOf = (moment: Date): string => moment.toISOString().slice(0, 10);

/** `day` moved by a whole number of days. */
export function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00.000Z`);
	date.setUTCDate(date.getUTCDate() + Math.round(days));
	return dayOf(date);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
	Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The reason VENDOR_RISK_TODAY cannot be used, or null when it is unset or a real day. */
export function todayVariableProblem(env: NodeJS.ProcessEnv = process.env): string | null {
	const pinned = env[todayVariable];
	if (pinned === undefined || pinned === '' || isRealDay(pinned)) return null;
	return `${todayVariable} is "${pinned}", not a date; set it to YYYY-MM-DD (e.g. 2026-01-31) or unset it`;
}

/**
 * Today as the app sees it: VENDOR_RISK_TODAY when it holds a real day, else the
 * UTC date of the clock. A malformed variable is ignored here; commands report it
 * through todayVariableProblem before they start.
 */
export function today(env: NodeJS.ProcessEnv = process.env, clock: () => Date = () => new Date()): string {
	const pinned = env[todayVariable];
	if (pinned !== undefined && isRealDay(pinned)) return pinned;
	return dayOf(clock());
}
