// The decision form's reducer on its own: fields, choices, text entry, validation, submit.
import {describe, expect, it} from 'vitest';
import {decisionChoices, outcomes, rationaleRequiredFor, reasonCodes} from '../../source/decisions/index.js';
import type {KeyEvent} from '../../source/ui/bindings.js';
import {decisionFormKey, newDecisionForm, type DecisionForm} from '../../source/ui/decision-form.js';

import {textField} from '../../source/ui/text-field.js';

const choices = decisionChoices;

const key = (event: Partial<KeyEvent>): KeyEvent => ({input: '', ...event});
/** Feeds keys to the form; stops at a submit or a cancel. */
function press(form: DecisionForm, ...events: Array<Partial<KeyEvent>>) {
	let current: DecisionForm | null = form;
	let submit = null;
	for (const event of events) {
		const result = decisionFormKey(current!, key(event));
		current = result.form;
		submit = result.submit;
		if (!current) break;
	}
	return {form: current, submit};
}

describe('the decision form', () => {
	it('moves between fields with Tab and arrows, wrapping around', () => {
		const form = newDecisionForm(['kaspersky'], choices);
		expect(press(form, {tab: true}).form!.field).toBe('reason');
		expect(press(form, {downArrow: true}, {downArrow: true}).form!.field).toBe('rationale');
		expect(press(form, {tab: true, shift: true}).form!.field).toBe('reviewBy');
		expect(press(form, {upArrow: true}).form!.field).toBe('reviewBy');
	});

	it('cycles the outcome and the reason with ←/→ (and h/l), wrapping around', () => {
		const form = newDecisionForm(['kaspersky'], choices);
		expect(outcomes[press(form, {rightArrow: true}).form!.outcome]).toBe(outcomes[1]);
		expect(outcomes[press(form, {leftArrow: true}).form!.outcome]).toBe(outcomes.at(-1));
		expect(reasonCodes[press(form, {tab: true}, {input: 'l'}, {input: 'l'}).form!.reason]).toBe(reasonCodes[2]);
	});

	it('types into the text fields, turning pasted newlines into spaces, and deletes with Backspace', () => {
		const form = press(
			newDecisionForm(['kaspersky'], choices),
			{tab: true},
			{tab: true},
			{input: 'bars\nupdates'},
			{input: 'x'},
			{backspace: true},
		).form!;
		expect(form.rationale.value).toBe('bars updates');
	});

	it('keeps the re-review date to ten characters', () => {
		const form = press(newDecisionForm(['kaspersky'], choices), {upArrow: true}, {input: '2027-01-3199'}).form!;
		expect(form.reviewBy.value).toBe('2027-01-31');
	});

	it('refuses to submit an outcome that needs a rationale without one, and says why', () => {
		const needsRationale = outcomes.findIndex(outcome => rationaleRequiredFor.includes(outcome));
		const form = {...newDecisionForm(['kaspersky'], choices), outcome: needsRationale};
		const result = press(form, {return: true});
		expect(result.submit).toBeNull();
		expect(result.form!.error).toBe(`a rationale is required for ${outcomes[needsRationale]}`);
		expect(press(result.form!, {tab: true}).form!.error).toBeNull();
	});

	it('refuses a re-review date that is not a real day', () => {
		const form = {...newDecisionForm(['kaspersky'], choices), reviewBy: textField('2027-02-30')};
		expect(press(form, {return: true}).form!.error).toMatch(/re-review date must be YYYY-MM-DD/);
	});

	it('submits what the form shows, for every vendor it was opened on', () => {
		const form: DecisionForm = {
			...newDecisionForm(['nso-group', 'candiru'], choices),
			outcome: outcomes.indexOf('reject'),
			rationale: textField('  listed  '),
			reviewBy: textField(),
		};
		expect(press(form, {return: true})).toEqual({
			form: null,
			submit: {vendorIds: ['nso-group', 'candiru'], outcome: 'reject', reason: reasonCodes[0], rationale: 'listed', reviewBy: null},
		});
	});

	it('closes without submitting on Esc', () => {
		expect(press(newDecisionForm(['kaspersky'], choices), {escape: true})).toEqual({form: null, submit: null});
	});
});
