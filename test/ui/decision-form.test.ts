// The decision form's reducer on its own: fields, choices, text entry, validation, submit.
import {describe, expect, it} from 'vitest';
import {decisionChoices, outcomes, rationaleRequiredFor, reasonsByOutcome} from '../../source/decisions/index.js';
import type {KeyEvent} from '../../source/ui/bindings.js';
import {
	decisionFormKey,
	evidencePaths,
	formSelection,
	newDecisionForm,
	type DecisionCheck,
	type DecisionForm,
} from '../../source/ui/decision-form.js';

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
		expect(press(form, {tab: true, shift: true}).form!.field).toBe('evidence');
		expect(press(form, {upArrow: true}, {upArrow: true}).form!.field).toBe('reviewBy');
	});

	it('opens with no outcome and no reason, and → takes the first outcome, ← the last', () => {
		const form = newDecisionForm(['kaspersky'], choices);
		expect(formSelection(form)).toEqual({outcome: null, reason: null});
		expect(formSelection(press(form, {rightArrow: true}).form!).outcome).toBe(outcomes[0]);
		expect(formSelection(press(form, {leftArrow: true}).form!).outcome).toBe(outcomes.at(-1));
		expect(formSelection(press(form, {rightArrow: true}, {input: 'l'}).form!).outcome).toBe(outcomes[1]);
		// With no outcome, the reason has nothing to cycle through.
		expect(formSelection(press(form, {tab: true}, {input: 'l'}).form!)).toEqual({outcome: null, reason: null});
	});

	it("cycles only the chosen outcome's reasons with ←/→ (and h/l), wrapping around", () => {
		const reject = press(newDecisionForm(['kaspersky'], choices), {leftArrow: true}, {leftArrow: true}, {leftArrow: true}).form!;
		expect(formSelection(reject).outcome).toBe('reject');
		const offered = reasonsByOutcome.reject;
		expect(formSelection(press(reject, {tab: true}, {input: 'l'}, {input: 'l'}).form!).reason).toBe(offered[2]);
		expect(formSelection(press(reject, {tab: true}, {input: 'h'}).form!).reason).toBe(offered.at(-1));
		// Choosing another outcome starts its reasons from the first.
		const approve = press(reject, {tab: true}, {input: 'l'}, {tab: true, shift: true}, {leftArrow: true}, {leftArrow: true}).form!;
		expect(formSelection(approve)).toEqual({outcome: 'approve', reason: reasonsByOutcome.approve[0]});
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
		const form = press(newDecisionForm(['kaspersky'], choices), {upArrow: true}, {upArrow: true}, {input: '2027-01-3199'}).form!;
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
		const form = {...newDecisionForm(['kaspersky'], choices), outcome: outcomes.indexOf('defer'), reviewBy: textField('2027-02-30')};
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
			submit: {
				vendorIds: ['nso-group', 'candiru'],
				outcome: 'reject',
				reason: reasonsByOutcome.reject[0],
				rationale: 'listed',
				reviewBy: null,
				evidence: [],
				confirmed: false,
			},
		});
	});

	it('reads evidence files separated by ;, without the quotes a copied path brings', () => {
		expect(evidencePaths(' memo.pdf ;"minutes of 3 May.txt"; ;\'/tmp/a b.png\'')).toEqual([
			'memo.pdf',
			'minutes of 3 May.txt',
			'/tmp/a b.png',
		]);
	});

	it('asks the rules again when the outcome changes, and shows their rationale requirement first', () => {
		const asked: string[] = [];
		const check = (_ids: readonly string[], outcome: string): DecisionCheck => {
			asked.push(outcome);
			return {rationaleRequired: `${outcome} needs a why`, confirmations: [], bulkConfirmation: null, countersignFor: []};
		};
		const result = press(newDecisionForm(['kaspersky'], choices, {check}), {rightArrow: true}, {rightArrow: true}, {return: true});
		expect(asked).toEqual([outcomes[0], outcomes[1]]);
		expect(result.form!.error).toBe(`${outcomes[1]} needs a why`);
	});

	it('confirms in a step of its own: Enter does nothing there, n goes back, y submits as confirmed', () => {
		const check = (): DecisionCheck => ({
			rationaleRequired: null,
			confirmations: ['approve X despite 1 active restriction: sanctions: SDN'],
			bulkConfirmation: null,
			countersignFor: ['x'],
		});
		const confirming = press(newDecisionForm(['x'], choices, {check}), {rightArrow: true}, {return: true}).form!;
		expect(confirming.confirming!.lines).toEqual([
			'approve X despite 1 active restriction: sanctions: SDN',
			'the decision will be pending until a second reviewer countersigns (sign-off policy)',
		]);
		expect(press(confirming, {return: true})).toEqual({form: confirming, submit: null});
		expect(press(confirming, {input: 'n'}).form!.confirming).toBeNull();
		expect(press(confirming, {escape: true}).form!.confirming).toBeNull();
		expect(press(confirming, {input: 'y'}).submit).toMatchObject({vendorIds: ['x'], outcome: 'approve', confirmed: true});
	});

	it('closes without submitting on Esc', () => {
		expect(press(newDecisionForm(['kaspersky'], choices), {escape: true})).toEqual({form: null, submit: null});
	});
});
