// Status by date: a restriction is upcoming, active or ended on a given day.
import type {Milestone, Restriction, RestrictionKind} from './schema.js';
import {restrictionKinds} from './vocabulary.js';

export type RestrictionStatus = 'upcoming' | 'active' | 'ended';

export type StatusOnDate = {
	status: RestrictionStatus;
	/** First dated milestone, else the announcement day. */
	effective: string | null;
	/** The next milestone after the day, else the most recent one on or before it. */
	milestone: Milestone | null;
	milestoneIsUpcoming: boolean;
};

/** Compares YYYY[-MM[-DD]] strings; a partial date sorts as its first day. */
export const compareDates = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

const endedWithoutDate = /^(ended|revoked|repealed|removed|lifted)/i;

export function restrictionStatusOn(restriction: Restriction, asOf: string): StatusOnDate {
	const milestones = [...restriction.milestones].sort((a, b) => compareDates(a.date, b.date));
	const effective = milestones[0]?.date ?? restriction.announced ?? null;
	const next = milestones.find(milestone => milestone.date > asOf) ?? null;
	const recent = [...milestones].reverse().find(milestone => milestone.date <= asOf) ?? null;
	let status: RestrictionStatus;
	if (restriction.endDate ? restriction.endDate <= asOf : endedWithoutDate.test(restriction.statusNote ?? '')) status = 'ended';
	else if (effective && effective > asOf) status = 'upcoming';
	else status = 'active';
	return {status, effective, milestone: next ?? recent, milestoneIsUpcoming: next !== null};
}

export const kindSeverity = (kind: RestrictionKind) => restrictionKinds.length - restrictionKinds.indexOf(kind);

/** "updates prohibited from 2024-09-29" style label for a milestone. */
export function describeMilestone(milestone: Milestone | null): string {
	if (!milestone) return '—';
	return `${milestone.date} ${milestone.what}`;
}
