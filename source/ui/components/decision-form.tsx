import React from 'react';
import {Box, Text} from 'ink';
import {outcomeMeanings, outcomes, rationaleRequiredFor, reasonCodes, reasonMeanings} from '../../decisions/vocabulary.js';
import {fitText} from '../../tables/index.js';
import type {DecisionForm} from '../decision-form.js';

type Props = {form: DecisionForm; vendorNames: string[]; width: number};

export function DecisionFormView({form, vendorNames, width}: Props): React.JSX.Element {
	const inner = Math.max(20, width - 4);
	const outcome = outcomes[form.outcome]!;
	const reason = reasonCodes[form.reason]!;
	const row = (field: DecisionForm['field'], label: string, value: string) => {
		const focused = form.field === field;
		return <Text inverse={focused}>{fitText(`${focused ? '▶' : ' '} ${label.padEnd(13)} ${value}`, inner)}</Text>;
	};
	const who = vendorNames.length === 1 ? vendorNames[0]! : `${vendorNames.length} vendors: ${vendorNames.join(', ')}`;
	return (
		<Box flexDirection="column" borderStyle="double" paddingX={1}>
			<Text bold>{fitText(`Decide: ${who}`, inner)}</Text>
			{row('outcome', 'Outcome', `◀ ${outcome} ▶`)}
			<Text dimColor>{fitText(`                ${outcomeMeanings[outcome]}`, inner)}</Text>
			{row('reason', 'Reason', `◀ ${reason} ▶`)}
			<Text dimColor>{fitText(`                ${reasonMeanings[reason]}`, inner)}</Text>
			{row(
				'rationale',
				`Rationale${rationaleRequiredFor.includes(outcome) ? '*' : ''}`,
				`${form.rationale}${form.field === 'rationale' ? '▏' : ''}`,
			)}
			{row(
				'reviewBy',
				'Re-review by',
				`${form.reviewBy || (form.field === 'reviewBy' ? '' : 'default for the outcome')}${form.field === 'reviewBy' ? '▏' : ''}`,
			)}
			<Text color="red">{form.error ? fitText(`✗ ${form.error}`, inner) : ' '}</Text>
			<Text dimColor>{fitText('Tab/↑↓ field · ←/→ choose · type text · Enter save · Esc cancel', inner)}</Text>
		</Box>
	);
}
