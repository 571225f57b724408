// What a reviewer may choose when deciding, as the TUI's decision form offers it:
// outcomes, the reason codes that fit each, what each means, what needs a rationale.
import {outcomeMeanings, outcomes, rationaleRequiredFor, reasonCodes, reasonMeanings} from './vocabulary.js';

export const decisionChoices = {
	outcomes,
	outcomeMeaning: (outcome: string): string => outcomeMeanings[outcome as keyof typeof outcomeMeanings] ?? '',
	reasonsFor: (_outcome: string): readonly string[] => reasonCodes,
	reasonMeaning: (reason: string): string => reasonMeanings[reason as keyof typeof reasonMeanings] ?? '',
	rationaleRequired: (outcome: string): boolean => (rationaleRequiredFor as readonly string[]).includes(outcome),
};
