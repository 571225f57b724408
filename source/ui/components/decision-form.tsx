import React from 'react';
import {Box, Text} from 'ink';
import {fitText} from '../../tables/index.js';
import {formInnerWidth, formSelection, formTextWidth, rowPrefix, type DecisionForm} from '../decision-form.js';
import {fieldText} from '../text-field.js';
import {keyHint, type Binding} from '../bindings.js';
import {useTheme} from '../theme.js';

type Props = {form: DecisionForm; vendorNames: string[]; width: number; keymap: readonly Binding[]};

const formKeys = [
	['nextField', 'field'],
	['chooseNext', 'choose'],
	['saveForm', 'save'],
	['cancelForm', 'cancel'],
] as const;

export function DecisionFormView({form, vendorNames, width, keymap}: Props): React.JSX.Element {
	const theme = useTheme();
	const inner = formInnerWidth(width);
	const {outcome, reason} = formSelection(form);
	const row = (field: DecisionForm['field'], label: string, value: string) => {
		const focused = form.field === field;
		return <Text inverse={focused}>{fitText(`${rowPrefix(focused, label)}${value}`, inner)}</Text>;
	};
	// A focused text field shows its cursor and scrolls; an unfocused one shows its start.
	const text = (field: 'rationale' | 'reviewBy', placeholder = '') =>
		form.field === field ? fieldText(form[field], formTextWidth(width)) : form[field].value || placeholder;
	const who = vendorNames.length === 1 ? vendorNames[0]! : `${vendorNames.length} vendors: ${vendorNames.join(', ')}`;
	return (
		<Box flexDirection="column" borderStyle="double" paddingX={1}>
			<Text bold>{fitText(`Decide: ${who}`, inner)}</Text>
			{row('outcome', 'Outcome', `◀ ${outcome} ▶`)}
			<Text dimColor>{fitText(`                ${form.choices.outcomeMeaning(outcome)}`, inner)}</Text>
			{row('reason', 'Reason', `◀ ${reason} ▶`)}
			<Text dimColor>{fitText(`                ${form.choices.reasonMeaning(reason)}`, inner)}</Text>
			{row('rationale', `Rationale${form.choices.rationaleRequired(outcome) ? '*' : ''}`, text('rationale'))}
			{row('reviewBy', 'Re-review by', text('reviewBy', 'default for the outcome'))}
			<Text color={theme.error}>{form.error ? fitText(`✗ ${form.error}`, inner) : ' '}</Text>
			<Text dimColor>
				{fitText(`${keyHint(keymap, 'form', formKeys)} · ${keyHint(keymap, 'choice', [formKeys[1]])} · type text`, inner)}
			</Text>
		</Box>
	);
}
