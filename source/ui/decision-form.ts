// The decision form: a modal that takes keys before the view under it. It opens
// with no outcome chosen, offers only the reasons that fit the chosen outcome,
// asks what the decision rules ask (a rationale, a confirmation naming the
// restrictions, how many and which vendors), and only then submits. Pure state
// and commands here; saving is the caller's side effect.
import stringWidth from 'string-width';
import {isRealDay} from '../dates/index.js';
import {resolveKey, type KeyEvent} from './bindings.js';
import {formCommands, isCommandOf, textCommands, type Context, type FormCommand, type TextCommand} from './commands.js';
import {textField, textFieldReducer, type TextField, type TextFieldAction} from './text-field.js';

export const formFields = ['outcome', 'reason', 'rationale', 'reviewBy', 'evidence'] as const;
export type FormField = (typeof formFields)[number];
type TextFieldName = Extract<FormField, 'rationale' | 'reviewBy' | 'evidence'>;

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

/** What the decision rules ask of an outcome on these vendors (run-join's decisionFormCheck, supplied with the data). */
export type DecisionCheck = {
	/** Why a rationale must be given (e.g. approving a restricted vendor), or null. */
	rationaleRequired: string | null;
	/** One sentence per restricted vendor the outcome would let be used, naming its restrictions. */
	confirmations: readonly string[];
	/** "approve 2 vendors: A, B?" for a decision on several vendors; null for one. */
	bulkConfirmation: string | null;
	/** The vendors whose decision the sign-off policy sends to a second reviewer. */
	countersignFor: readonly string[];
};

/** The rules the form asks before it submits; without them it asks only what the choices say. */
export type DecisionRules = {
	check?: (vendorIds: readonly string[], outcome: string) => DecisionCheck | null;
	/** Why an evidence file cannot be attached, or null. */
	evidenceProblem?: (path: string) => string | null;
};

export type DecisionSubmission = {
	vendorIds: string[];
	outcome: string;
	reason: string;
	rationale: string | null;
	reviewBy: string | null;
	/** Files to attach, as typed. */
	evidence: string[];
	/** The reviewer confirmed what the confirmation step named. */
	confirmed: boolean;
};

export type DecisionForm = {
	vendorIds: string[];
	choices: DecisionChoices;
	rules: DecisionRules;
	field: FormField;
	/** An index into the outcomes; null until the reviewer chooses one, so no stray Enter can save a default. */
	outcome: number | null;
	reason: number;
	/** What the rules ask of the chosen outcome on these vendors; null with no outcome chosen. */
	check: DecisionCheck | null;
	rationale: TextField;
	reviewBy: TextField;
	evidence: TextField;
	error: string | null;
	/** The confirmation step, once the form is complete: what the reviewer confirms, and what is then saved. Null while editing. */
	confirming: {lines: string[]; submission: DecisionSubmission} | null;
};

export type FormInput = FormCommand | TextCommand | {insert: string};
export type FormResult = {form: DecisionForm | null; submit: DecisionSubmission | null};

export const newDecisionForm = (vendorIds: string[], choices: DecisionChoices, rules: DecisionRules = {}): DecisionForm => ({
	vendorIds,
	choices,
	rules,
	field: 'outcome',
	outcome: null,
	reason: 0,
	check: null,
	rationale: textField(),
	reviewBy: textField(),
	evidence: textField(),
	error: null,
	confirming: null,
});

const isTextField = (field: FormField): field is TextFieldName => field === 'rationale' || field === 'reviewBy' || field === 'evidence';

/** The form's keys, then the focused field's (←/→ choose on a choice, move the cursor in a text field); the confirmation step has its own. */
export const formContexts = (form: DecisionForm): Context[] =>
	form.confirming ? ['confirm'] : ['form', isTextField(form.field) ? 'text' : 'choice'];

/** The start of a field's row: the focus glyph and the label. */
export const rowPrefix = (focused: boolean, label: string) => `${focused ? '▶' : ' '} ${label.padEnd(13)} `;
/** The columns inside the form's box (border and padding off) at a terminal `columns` wide. */
export const formInnerWidth = (columns: number) => Math.max(20, columns - 4);
/** The columns a focused text field gets: the box's inside less its row's start, measured as the row is cut (string-width counts ▶ as two). */
export const formTextWidth = (columns: number) => Math.max(1, formInnerWidth(columns) - stringWidth(rowPrefix(true, '')));
const reviewByLength = 'YYYY-MM-DD'.length;

const cycle = (index: number, length: number, step: number) => (index + step + length) % length;

/** Evidence files as typed: separated by ";", each trimmed and without the quotes a file manager's copy adds. */
export const evidencePaths = (text: string): string[] =>
	text
		.split(';')
		.map(path => path.trim().replace(/^(["'])(.*)\1$/, '$2'))
		.filter(Boolean);

/** The outcome and reason the form shows now; null for each until an outcome is chosen. */
export function formSelection(form: DecisionForm): {outcome: string | null; reason: string | null} {
	const outcome = form.outcome === null ? null : (form.choices.outcomes[form.outcome] ?? null);
	const reasons = outcome ? form.choices.reasonsFor(outcome) : [];
	return {outcome, reason: reasons[Math.min(form.reason, reasons.length - 1)] ?? null};
}

/** Why a rationale must be given for the chosen outcome (the rules' reason first), or null. */
export function rationaleRequirement(form: DecisionForm): string | null {
	const {outcome} = formSelection(form);
	if (!outcome) return null;
	return form.check?.rationaleRequired ?? (form.choices.rationaleRequired(outcome) ? `a rationale is required for ${outcome}` : null);
}

/** The first problem that stops the form from being saved, and the field to put it right in; null when it is complete. */
function problemOf(form: DecisionForm): {error: string; field: FormField} | null {
	const {outcome, reason} = formSelection(form);
	if (!outcome) return {error: 'choose an outcome first (←/→ on Outcome): none is preselected', field: 'outcome'};
	if (!reason) return {error: `no reason fits ${outcome}`, field: 'reason'};
	const rationale = rationaleRequirement(form);
	if (rationale && !form.rationale.value.trim()) return {error: rationale, field: 'rationale'};
	if (form.reviewBy.value && !isRealDay(form.reviewBy.value))
		return {error: 're-review date must be YYYY-MM-DD (or empty for the default)', field: 'reviewBy'};
	for (const path of evidencePaths(form.evidence.value)) {
		const problem = form.rules.evidenceProblem?.(path);
		if (problem) return {error: `evidence ${path}: ${problem}`, field: 'evidence'};
	}
	return null;
}

/** Enter: the first problem, or the confirmation step when the rules ask for one, else the submission. */
function submit(form: DecisionForm): FormResult {
	const problem = problemOf(form);
	if (problem) return {form: {...form, ...problem}, submit: null};
	const {outcome, reason} = formSelection(form);
	const submission: DecisionSubmission = {
		vendorIds: form.vendorIds,
		outcome: outcome!,
		reason: reason!,
		rationale: form.rationale.value.trim() || null,
		reviewBy: form.reviewBy.value || null,
		evidence: evidencePaths(form.evidence.value),
		confirmed: false,
	};
	const check = form.check;
	const lines = [...(check?.bulkConfirmation ? [check.bulkConfirmation] : []), ...(check?.confirmations ?? [])];
	if (lines.length === 0) return {form: null, submit: submission};
	if (check?.countersignFor.length) lines.push(countersignNotice(check, form.vendorIds.length));
	return {form: {...form, error: null, confirming: {lines, submission: {...submission, confirmed: true}}}, submit: null};
}

/** What the form says when the sign-off policy sends the decision to a second reviewer. */
export function countersignNotice(check: DecisionCheck, vendors: number): string {
	const which = vendors > 1 ? `${check.countersignFor.length} of ${vendors} decisions` : 'the decision';
	return `${which} will be pending until a second reviewer countersigns (sign-off policy)`;
}

function choose(form: DecisionForm, step: number): Partial<DecisionForm> {
	if (form.field === 'outcome') {
		const count = form.choices.outcomes.length;
		// From no outcome, → takes the first and ← the last.
		const outcome = form.outcome === null ? (step > 0 ? 0 : count - 1) : cycle(form.outcome, count, step);
		return {outcome, reason: 0, check: form.rules.check?.(form.vendorIds, form.choices.outcomes[outcome]!) ?? null};
	}
	const {outcome} = formSelection(form);
	if (form.field === 'reason' && outcome) return {reason: cycle(form.reason, form.choices.reasonsFor(outcome).length, step)};
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
	if (form.confirming) {
		if (input === 'confirmYes') return {form: null, submit: form.confirming.submission};
		if (input === 'confirmNo') return stay({confirming: null});
		return {form, submit: null};
	}
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
		case 'confirmYes':
		case 'confirmNo':
			return {form, submit: null};
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
