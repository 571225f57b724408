// Status by date: a restriction or a class rule is upcoming, active, suspended,
// ended, proposed or unknown on a given day. Pure: the day is always passed in.
import type {Milestone, Suspension} from './schema.js';

export {kindSeverity} from './severity.js';

export type RestrictionStatus = 'upcoming' | 'active' | 'suspended' | 'ended' | 'proposed' | 'unknown';

/** Every status, in the order the dashboard counts them. */
export const restrictionStatuses: readonly RestrictionStatus[] = ['active', 'suspended', 'unknown', 'upcoming', 'proposed', 'ended'];

export type StatusOnDate = {
	status: RestrictionStatus;
	/** First dated milestone, else the announcement day. */
	effective: string | null;
	/** The next milestone after the day, else the most recent one on or before it. */
	milestone: Milestone | null;
	milestoneIsUpcoming: boolean;
	/** The suspension in force on the day, when `suspended`. */
	suspension: Suspension | null;
	/** With `unknown`: the last day the sources cover (the last milestone or suspension end). */
	knownUntil: string | null;
};

/** What status by date reads: a restriction and a class rule both have these. */
export type DatedFact = {
	milestones: readonly Milestone[];
	endDate: string | null;
	statusNote: string | null;
	announced: string | null;
	suspensions?: readonly Suspension[];
};

/** Compares YYYY[-MM[-DD]] strings; a partial date sorts as its first day. */
export const compareDates = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

const endedWithoutDate = /^(ended|revoked|repealed|removed|lifted)/i;
const proposedNote = /^proposed/i;
const unknownNote = /^unknown/i;

/**
 * The status of a restriction or rule on `asOf`: ended on or after its end date;
 * a proposal stays `proposed`; upcoming before its first milestone; `suspended`
 * inside a suspension; `unknown` after the last day its sources cover when the
 * publisher's status is "unknown" (never guessed as active or ended); else active.
 */
export function statusOn(fact: DatedFact, asOf: string): StatusOnDate {
	const milestones = [...fact.milestones].sort((a, b) => compareDates(a.date, b.date));
	const suspensions = fact.suspensions ?? [];
	const effective = milestones[0]?.date ?? fact.announced ?? null;
	const next = milestones.find(milestone => milestone.date > asOf) ?? null;
	const recent = [...milestones].reverse().find(milestone => milestone.date <= asOf) ?? null;
	const suspension = suspensions.find(item => item.from <= asOf && asOf <= item.until) ?? null;
	const knownUntil = [...milestones.map(milestone => milestone.date), ...suspensions.map(item => item.until)].sort().at(-1) ?? null;
	let status: RestrictionStatus;
	if (fact.endDate ? fact.endDate <= asOf : endedWithoutDate.test(fact.statusNote ?? '')) status = 'ended';
	else if (effective && effective > asOf) status = 'upcoming';
	else if (proposedNote.test(fact.statusNote ?? '')) status = 'proposed';
	else if (suspension) status = 'suspended';
	else if (unknownNote.test(fact.statusNote ?? '') && (knownUntil === null || asOf > knownUntil)) status = 'unknown';
	else status = 'active';
	return {
		status,
		effective,
		milestone: next ?? recent,
		milestoneIsUpcoming: next !== null,
		suspension: status === 'suspended' ? suspension : null,
		knownUntil: status === 'unknown' ? knownUntil : null,
	};
}

export const restrictionStatusOn = statusOn;
export const ruleStatusOn = statusOn;

/** The status in words: "suspended until 2026-11-09", "unknown after 2026-11-09", "active". */
export function statusLabel(status: Pick<StatusOnDate, 'status' | 'suspension' | 'knownUntil'>): string {
	if (status.status === 'suspended' && status.suspension) return `suspended until ${status.suspension.until}`;
	if (status.status === 'unknown') return status.knownUntil ? `unknown after ${status.knownUntil}` : 'unknown';
	return status.status;
}

/** "updates prohibited from 2024-09-29" style label for a milestone. */
export function describeMilestone(milestone: Milestone | null): string {
	if (!milestone) return '—';
	return `${milestone.date} ${milestone.what}`;
}
