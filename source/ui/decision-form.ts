// The decision form: a modal that takes keys before the view under it. Pure state
// and key handling here; saving is the caller's side effect.
import {outcomes, rationaleRequiredFor, reasonCodes, type Outcome} from '../decisions/vocabulary.js';
import {isRealDay} from '../dates/index.js';
import type {KeyEvent} from './bindings.js';

export const formFields = ['outcome', 'reason', 'rationale', 'reviewBy'] as const;
export type FormField = (typeof formFields)[number];

export type DecisionForm = {
	vendorIds: string[];
	field: FormField;
	outcome: number;
	reason: number;
	rationale: string;
	reviewBy: string;
	error: string | null;
};

export type DecisionSubmission = {vendorIds: string[]; outcome: Outcome; reason: string; rationale: string | null; reviewBy: string | null};

export const newDecisionForm = (vendorIds: string[]): DecisionForm => ({
	vendorIds,
	field: 'outcome',
	outcome: 0,
	reason: 0,
	rationale: '',
	reviewBy: '',
	error: null,
});

const cycle = (index: number, length: number, step: number) => (index + step + length) % length;

function validate(form: DecisionForm): string | null {
	const outcome = outcomes[form.outcome]!;
	if (rationaleRequiredFor.includes(outcome) && !form.rationale.trim()) return `a rationale is required for ${outcome}`;
	if (form.reviewBy && !isRealDay(form.reviewBy)) return 're-review date must be YYYY-MM-DD (or empty for the default)';
	return null;
}

export type FormResult = {form: DecisionForm | null; submit: DecisionSubmission | null};

export function decisionFormKey(form: DecisionForm, event: KeyEvent): FormResult {
	const stay = (next: Partial<DecisionForm>): FormResult => ({form: {...form, error: null, ...next}, submit: null});
	if (event.escape) return {form: null, submit: null};
	const fieldIndex = formFields.indexOf(form.field);
	if (event.tab || event.downArrow || event.upArrow) {
		const step = (event.tab && event.shift) || event.upArrow ? -1 : 1;
		return stay({field: formFields[cycle(fieldIndex, formFields.length, step)]!});
	}
	if (event.return) {
		const error = validate(form);
		if (error) return {form: {...form, error}, submit: null};
		return {
			form: null,
			submit: {
				vendorIds: form.vendorIds,
				outcome: outcomes[form.outcome]!,
				reason: reasonCodes[form.reason]!,
				rationale: form.rationale.trim() || null,
				reviewBy: form.reviewBy || null,
			},
		};
	}
	if (form.field === 'outcome' || form.field === 'reason') {
		const step = event.leftArrow || event.input === 'h' ? -1 : event.rightArrow || event.input === 'l' || event.input === ' ' ? 1 : 0;
		if (step === 0) return {form, submit: null};
		return form.field === 'outcome'
			? stay({outcome: cycle(form.outcome, outcomes.length, step)})
			: stay({reason: cycle(form.reason, reasonCodes.length, step)});
	}
	const key = form.field;
	if (event.backspace || event.delete) return stay({[key]: [...form[key]].slice(0, -1).join('')});
	if (event.ctrl || !event.input) return {form, submit: null};
	// Pasted text arrives as one string; newlines become spaces in the one-line fields.
	const typed = event.input.replace(/[\r\n\t]/g, ' ');
	return stay({[key]: key === 'reviewBy' ? (form.reviewBy + typed).slice(0, 10) : form.rationale + typed});
}
