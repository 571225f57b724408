// The text field on its own: cursor movement, deletes, insertion as one edit, and the horizontal scroll.
import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {
	textField,
	textFieldReducer,
	visibleText,
	type TextField,
	type TextFieldAction,
	type TextFieldLimits,
	type TextEdit,
} from '../../source/ui/text-field.js';

const wide: TextFieldLimits = {width: 80};
/** Applies edits (names) and inserts (other strings) in order. */
function apply(field: TextField, steps: Array<TextEdit | {insert: string}>, limits = wide): TextField {
	return steps.reduce<TextField>(
		(current, step) => textFieldReducer(current, typeof step === 'string' ? {type: step} : {type: 'insert', text: step.insert}, limits),
		field,
	);
}
const shown = (field: TextField, width: number) => {
	const {beforeCursor, afterCursor} = visibleText(field, width);
	return `${beforeCursor}|${afterCursor}`;
};

describe('editing a text field', () => {
	it('starts with the cursor after the value it was given', () => {
		expect(textField('hq:RU')).toEqual({value: 'hq:RU', cursor: 5, offset: 0});
	});

	it('inserts at the cursor, not at the end', () => {
		const field = apply(textField('hq:'), ['cursorHome', {insert: '!'}]);
		expect(field.value).toBe('!hq:');
		expect(field.cursor).toBe(1);
	});

	it('inserts a multi-character string as one edit, leaving the cursor after it', () => {
		const field = apply(textField('a  z'), ['cursorLeft', 'cursorLeft', {insert: 'middle'}]);
		expect(field).toMatchObject({value: 'a middle z', cursor: 'a middle'.length});
	});

	it('turns line breaks and tabs into spaces and drops other control characters', () => {
		expect(apply(textField(), [{insert: 'bars\r\nupdates\tnow\u001B[2J\u0007'}]).value).toBe('bars  updates now[2J');
	});

	it('moves left and right over a whole character, accents and emoji included', () => {
		const value = 'e\u0301👍🏽x';
		let field = apply(textField(value), ['cursorLeft']);
		expect(value.slice(field.cursor)).toBe('x');
		field = apply(field, ['cursorLeft']);
		expect(value.slice(field.cursor)).toBe('👍🏽x');
		field = apply(field, ['cursorLeft', 'cursorLeft']);
		expect(field.cursor).toBe(0);
		expect(apply(field, ['cursorRight']).cursor).toBe('e\u0301'.length);
	});

	it('jumps to the start with Home and to the end with End', () => {
		const field = apply(textField('vendor:Kaspersky'), ['cursorHome']);
		expect(field.cursor).toBe(0);
		expect(apply(field, ['cursorEnd']).cursor).toBe('vendor:Kaspersky'.length);
	});

	it('deletes the character before the cursor with Backspace, and nothing at the start', () => {
		expect(apply(textField('abc'), ['cursorLeft', 'deleteBackward'])).toMatchObject({value: 'ac', cursor: 1});
		expect(apply(textField('abc'), ['cursorHome', 'deleteBackward'])).toMatchObject({value: 'abc', cursor: 0});
		expect(apply(textField('ok👍🏽'), ['deleteBackward']).value).toBe('ok');
	});

	it('deletes the character under the cursor with a forward delete, and nothing at the end', () => {
		expect(apply(textField('abc'), ['cursorHome', 'deleteForward'])).toMatchObject({value: 'bc', cursor: 0});
		expect(apply(textField('abc'), ['deleteForward']).value).toBe('abc');
	});

	it('deletes back to the start of the word, over the spaces before the cursor first', () => {
		expect(apply(textField('hq:RU status:active'), ['deleteWordBackward']).value).toBe('hq:RU ');
		expect(apply(textField('hq:RU status   '), ['deleteWordBackward']).value).toBe('hq:RU ');
		const atGamma = Array.from({length: 'gamma'.length}, (): TextEdit => 'cursorLeft');
		const inside = apply(textField('alpha beta gamma'), [...atGamma, 'deleteWordBackward']);
		expect(inside).toMatchObject({value: 'alpha gamma', cursor: 'alpha '.length});
	});

	it('clears the whole value with Ctrl-U wherever the cursor is', () => {
		expect(apply(textField('vendor:Kaspersky'), ['cursorLeft', 'clearText'])).toEqual(textField());
	});

	it('keeps to the maximum length, taking what fits of an insert at the cursor', () => {
		expect(apply(textField(), [{insert: '2027-01-3199'}], {width: 20, maxLength: 10}).value).toBe('2027-01-31');
		const full = apply(textField('2027-01-3'), ['cursorHome', {insert: 'xyz'}], {width: 20, maxLength: 10});
		expect(full.value).toBe('x2027-01-3');
	});
});

describe('scrolling a text field', () => {
	const typed = (text: string, width: number) => apply(textField(), [{insert: text}], {width});

	it('scrolls to keep the cursor in view as text runs past the width', () => {
		expect(shown(typed('abcdefghij', 5), 5)).toBe('ghij|');
	});

	it('moves the view only when the cursor leaves it', () => {
		let field = typed('abcdefghij', 5);
		field = apply(field, ['cursorLeft', 'cursorLeft', 'cursorLeft'], {width: 5});
		expect(shown(field, 5)).toBe('g|hij');
		field = apply(field, ['cursorLeft', 'cursorLeft'], {width: 5});
		expect(shown(field, 5)).toBe('|fghi');
		expect(shown(apply(field, ['cursorHome'], {width: 5}), 5)).toBe('|abcd');
	});

	it('pulls hidden text back into view when a delete leaves room at the end', () => {
		const field = apply(typed('abcdefghij', 5), ['deleteBackward', 'deleteBackward', 'deleteBackward'], {width: 5});
		expect(shown(field, 5)).toBe('defg|');
	});

	it('counts wide characters by the columns they take', () => {
		expect(shown(typed('漢字テキスト', 7), 7)).toBe('キスト|');
	});

	it('shows the cursor and never more than the width, whatever the edits', () => {
		const edits: TextEdit[] = [
			'cursorLeft',
			'cursorRight',
			'cursorHome',
			'cursorEnd',
			'deleteBackward',
			'deleteForward',
			'deleteWordBackward',
		];
		const action = fc.oneof(
			fc.constantFrom(...edits).map((type): TextFieldAction => ({type})),
			fc
				.string({unit: fc.constantFrom('a', ' ', '漢', '👍🏽', 'e\u0301', '\n'), maxLength: 12})
				.map((text): TextFieldAction => ({type: 'insert', text})),
		);
		fc.assert(
			fc.property(fc.array(action, {maxLength: 30}), fc.integer({min: 1, max: 12}), (actions, width) => {
				const field = actions.reduce((current, next) => textFieldReducer(current, next, {width}), textField());
				const {beforeCursor, afterCursor} = visibleText(field, width);
				expect(field.cursor).toBeGreaterThanOrEqual(0);
				expect(field.cursor).toBeLessThanOrEqual(field.value.length);
				expect(field.value.slice(0, field.cursor).endsWith(beforeCursor)).toBe(true);
				expect(field.value.slice(field.cursor).startsWith(afterCursor)).toBe(true);
				expect(stringWidth(beforeCursor + afterCursor)).toBeLessThanOrEqual(Math.max(0, width - 1));
			}),
		);
	});
});
