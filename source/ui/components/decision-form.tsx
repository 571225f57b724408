import React from 'react';
import {Box, Text} from 'ink';
import {fitText} from '../../tables/index.js';
import {
	countersignNotice,
	formInnerWidth,
	formSelection,
	formTextWidth,
	rationaleRequirement,
	rowPrefix,
	type DecisionForm,
} from '../decision-form.js';
import {wrapText} from '../detail-wrap.js';
import {fieldText} from '../text-field.js';
import {keyHint, type Binding} from '../bindings.js';
import {useTheme} from '../theme.js';

type Props = {form: DecisionForm; vendorNames: string[]; width: number; height: number; keymap: readonly Binding[]};

const formKeys = [
	['nextField', 'field'],
	['chooseNext', 'choose'],
	['saveForm', 'save'],
	['cancelForm', 'cancel'],
] as const;
const confirmKeys = [
	['confirmYes', 'confirm and save'],
	['confirmNo', 'back to the form'],
] as const;

/** What the rules say of the chosen outcome before it is saved: the first restriction to confirm, else a second reviewer, else nothing. */
function noticeOf(form: DecisionForm): string {
	const check = form.check;
	if (!check) return '';
	const [first, ...more] = check.confirmations;
	if (first) return `⚠ needs confirming: ${first}${more.length ? ` (+${more.length} more)` : ''}`;
	return check.countersignFor.length ? `⚠ ${countersignNotice(check, form.vendorIds.length)}` : '';
}

export function DecisionFormView({form, vendorNames, width, height, keymap}: Props): React.JSX.Element {
	const theme = useTheme();
	const inner = formInnerWidth(width);
	const who = vendorNames.length === 1 ? vendorNames[0]! : `${vendorNames.length} vendors: ${vendorNames.join(', ')}`;
	if (form.confirming) {
		// Every word of what is confirmed is shown, wrapped, as far as the screen allows: border, title, heading and keys take five rows.
		const rows = form.confirming.lines.flatMap(line => wrapText(line, inner));
		const room = Math.max(1, height - 6);
		const shown = rows.length > room ? [...rows.slice(0, room - 1), `… and ${rows.length - room + 1} more lines`] : rows;
		return (
			<Box flexDirection="column" borderStyle="double" paddingX={1}>
				<Text bold>{fitText(`Decide: ${who}`, inner)}</Text>
				<Text bold color={theme.warn}>
					{fitText('Confirm before it is saved:', inner)}
				</Text>
				{shown.map((row, index) => (
					<Text key={index} color={theme.warn}>
						{fitText(row, inner)}
					</Text>
				))}
				<Text dimColor>{fitText(keyHint(keymap, 'confirm', confirmKeys), inner)}</Text>
			</Box>
		);
	}
	const {outcome, reason} = formSelection(form);
	const row = (field: DecisionForm['field'], label: string, value: string) => {
		const focused = form.field === field;
		return <Text inverse={focused}>{fitText(`${rowPrefix(focused, label)}${value}`, inner)}</Text>;
	};
	// A focused text field shows its cursor and scrolls; an unfocused one shows its start.
	const text = (field: 'rationale' | 'reviewBy' | 'evidence', placeholder = '') =>
		form.field === field ? fieldText(form[field], formTextWidth(width)) : form[field].value || placeholder;
	const meaning = (value: string) => <Text dimColor>{fitText(`                ${value}`, inner)}</Text>;
	return (
		<Box flexDirection="column" borderStyle="double" paddingX={1}>
			<Text bold>{fitText(`Decide: ${who}`, inner)}</Text>
			{row('outcome', 'Outcome', outcome ? `◀ ${outcome} ▶` : '◀ choose an outcome ▶')}
			{meaning(outcome ? form.choices.outcomeMeaning(outcome) : 'none is preselected: ←/→ to choose')}
			{row('reason', 'Reason', reason ? `◀ ${reason} ▶` : '—')}
			{meaning(reason ? form.choices.reasonMeaning(reason) : 'the reasons that fit the outcome, once it is chosen')}
			{row('rationale', `Rationale${rationaleRequirement(form) ? '*' : ''}`, text('rationale'))}
			{row('reviewBy', 'Re-review by', text('reviewBy', 'default for the outcome and tier'))}
			{row('evidence', 'Evidence', text('evidence', 'files to attach, separated by ; (optional)'))}
			<Text color={theme.warn}>{fitText(noticeOf(form), inner) || ' '}</Text>
			<Text color={theme.error}>{form.error ? fitText(`✗ ${form.error}`, inner) : ' '}</Text>
			<Text dimColor>
				{fitText(`${keyHint(keymap, 'form', formKeys)} · ${keyHint(keymap, 'choice', [formKeys[1]])} · type text`, inner)}
			</Text>
		</Box>
	);
}
