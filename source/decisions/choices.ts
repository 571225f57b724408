// What a reviewer may choose when deciding, as the TUI's decision form offers it:
// outcomes, the reason codes that fit each, what each means, what needs a rationale.
import {outcomeMeanings, outcomes, rationaleRequiredFor, reasonMeanings, reasonsFor, type Outcome} from './vocabulary.js';

const isOutcome = (value: string): value is Outcome => (outcomes as readonly string[]).includes(value);

export const decisionChoices = {
	outcomes,
	outcomeMeaning: (outcome: string): string => outcomeMeanings[outcome as keyof typeof outcomeMeanings] ?? '',
	/** Approve never offers sanctioned-entity: each outcome offers only the reasons that fit it. */
	reasonsFor: (outcome: string): readonly string[] => reasonsFor(isOutcome(outcome) ? outcome : null),
	reasonMeaning: (reason: string): string => reasonMeanings[reason as keyof typeof reasonMeanings] ?? '',
	rationaleRequired: (outcome: string): boolean => (rationaleRequiredFor as readonly string[]).includes(outcome),
};
