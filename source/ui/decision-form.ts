// The decision form: a modal that takes keys before the view under it. Pure state
// and commands here; saving is the caller's side effect.
import stringWidth from 'string-width';
import {isRealDay} from '../dates/index.js';
import {resolveKey, type KeyEvent} from './bindings.js';
import {formCommands, isCommandOf, textCommands, type Context, type FormCommand, type TextCommand} from './commands.js';
import {textField, textFieldReducer, type TextField, type TextFieldAction} from './text-field.js';

export const formFields = ['outcome', 'reason', 'rationale', 'reviewBy'] as const;
export type FormField = (typeof formFields)[number];
type TextFieldName = Extract<FormField, 'rationale' | 'reviewBy'>;

/**
 * What the form offers, supplied by the caller with the data (the decision rules
 * live with the decision log, and the UI must not load that on its first frame).
 */
export type DecisionChoices = {
	outcomes: readonly string[];
	outcomeMeaning(outcome: string): string;
	/** The reason codes that make sense for an outcome. */
	reasonsFor(outcome: string): readonly string[];
	reasonMeaning(reason: string): string;
	rationaleRequired(outcome: string): boolean;
};

export type DecisionForm = {
	vendorIds: string[];
	choices: DecisionChoices;
	field: FormField;
	outcome: number;
	reason: number;
	rationale: TextField;
	reviewBy: TextField;
	error: string | null;
};

export type DecisionSubmission = {vendorIds: string[]; outcome: string; reason: string; rationale: string | null; reviewBy: string | null};

export type FormInput = FormCommand | TextCommand | {insert: string};
export type FormResult = {form: DecisionForm | null; submit: DecisionSubmission | null};

export const newDecisionForm = (vendorIds: string[], choices: DecisionChoices): DecisionForm => ({
	vendorIds,
	choices,
	field: 'outcome',
	outcome: 0,
	reason: 0,
	rationale: textField(),
	reviewBy: textField(),
	error: null,
});

const isTextField = (field: FormField): field is TextFieldName => field === 'rationale' || field === 'reviewBy';

/** The form's keys, then the focused field's: ←/→ choose on a choice, move the cursor in a text field. */
export const formContexts = (form: DecisionForm): Context[] => ['form', isTextField(form.field) ? 'text' : 'choice'];

/** The start of a field's row: the focus glyph and the label. */
export const rowPrefix = (focused: boolean, label: string) => `${focused ? '▶' : ' '} ${label.padEnd(13)} `;
/** The columns inside the form's box (border and padding off) at a terminal `columns` wide. */
export const formInnerWidth = (columns: number) => Math.max(20, columns - 4);
/** The columns a focused text field gets: the box's inside less its row's start, measured as the row is cut (string-width counts ▶ as two). */
export const formTextWidth = (columns: number) => Math.max(1, formInnerWidth(columns) - stringWidth(rowPrefix(true, '')));
const reviewByLength = 'YYYY-MM-DD'.length;

const cycle = (index: number, length: number, step: number) => (index + step + length) % length;

/** The outcome and reason the form shows now. */
export function formSelection(form: DecisionForm): {outcome: string; reason: string} {
	const outcome = form.choices.outcomes[form.outcome]!;
	const reasons = form.choices.reasonsFor(outcome);
	return {outcome, reason: reasons[Math.min(form.reason, reasons.length - 1)]!};
}

function validate(form: DecisionForm): string | null {
	const {outcome} = formSelection(form);
	if (form.choices.rationaleRequired(outcome) && !form.rationale.value.trim()) return `a rationale is required for ${outcome}`;
	if (form.reviewBy.value && !isRealDay(form.reviewBy.value)) return 're-review date must be YYYY-MM-DD (or empty for the default)';
	return null;
}

function submit(form: DecisionForm): FormResult {
	const error = validate(form);
	if (error) return {form: {...form, error}, submit: null};
	const submission: DecisionSubmission = {
		vendorIds: form.vendorIds,
		...formSelection(form),
		rationale: form.rationale.value.trim() || null,
		reviewBy: form.reviewBy.value || null,
	};
	return {form: null, submit: submission};
}

function choose(form: DecisionForm, step: number): Partial<DecisionForm> {
	if (form.field === 'outcome') return {outcome: cycle(form.outcome, form.choices.outcomes.length, step), reason: 0};
	if (form.field === 'reason') return {reason: cycle(form.reason, form.choices.reasonsFor(formSelection(form).outcome).length, step)};
	return {};
}

function editText(form: DecisionForm, action: TextFieldAction, columns: number): Partial<DecisionForm> {
	const field = form.field;
	if (!isTextField(field)) return {};
	const limits = {width: formTextWidth(columns), maxLength: field === 'reviewBy' ? reviewByLength : undefined};
	return {[field]: textFieldReducer(form[field], action, limits)};
}

/** `columns` is the terminal's width, which sets how much of a long rationale shows. */
export function decisionFormReducer(form: DecisionForm, input: FormInput, columns: number): FormResult {
	const stay = (next: Partial<DecisionForm>): FormResult => ({form: {...form, error: null, ...next}, submit: null});
	const fieldIndex = formFields.indexOf(form.field);
	switch (input) {
		case 'cancelForm':
			return {form: null, submit: null};
		case 'saveForm':
			return submit(form);
		case 'nextField':
			return stay({field: formFields[cycle(fieldIndex, formFields.length, 1)]!});
		case 'previousField':
			return stay({field: formFields[cycle(fieldIndex, formFields.length, -1)]!});
		case 'choosePrevious':
			return stay(choose(form, -1));
		case 'chooseNext':
			return stay(choose(form, 1));
		default:
			return stay(editText(form, typeof input === 'string' ? {type: input} : {type: 'insert', text: input.insert}, columns));
	}
}

/** A key as the form reads it, through the binding table; keys it has no use for leave it as it is. */
export function decisionFormKey(form: DecisionForm, event: KeyEvent, columns = 80): FormResult {
	const resolved = resolveKey(event, formContexts(form));
	if (!resolved) return {form, submit: null};
	if ('insert' in resolved) return decisionFormReducer(form, resolved, columns);
	const {command} = resolved;
	if (isCommandOf(formCommands, command) || isCommandOf(textCommands, command)) return decisionFormReducer(form, command, columns);
	return {form, submit: null};
}
