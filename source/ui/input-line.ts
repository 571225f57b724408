// The line under the status bar while the filter box, a hit's reason prompt, a
// countersign's note or the command line is open: the text field drawn with its cursor, and the keys
// that close it (or the command line's candidates). The field's width is worked
// out here for both the reducer (its scroll) and the view.
import stringWidth from 'string-width';
import {fitText} from '../tables/index.js';
import type {CommandLine} from './command-line.js';
import type {CountersignPrompt} from './countersign-prompt.js';
import type {Disposition, HitPrompt} from './hit-prompt.js';
import {fieldText, type TextField} from './text-field.js';

const filterHint = '  Enter keep · Esc clear';
const promptHint = '  Enter save · Esc cancel';
const promptLabel = (disposition: Disposition) =>
	`${disposition === 'confirmed-match' ? 'x confirmed match' : 'n false positive'} · reason: `;

// The line is one column narrower than the terminal, as every line of the frame.
const fieldWidth = (columns: number, label: string, hint: string) => Math.max(1, columns - 1 - stringWidth(label + hint));
export const filterFieldWidth = (columns: number) => fieldWidth(columns, '/', filterHint);
export const promptFieldWidth = (disposition: Disposition, columns: number) => fieldWidth(columns, promptLabel(disposition), promptHint);
const signHint = '  Enter sign · Esc cancel';
const signLabel = (prompt: CountersignPrompt) => `sign off ${prompt.what} · note: `;
/** The note keeps at least a third of the line: a long description of the decision is cut first. */
export const signFieldWidth = (prompt: CountersignPrompt, columns: number) =>
	Math.max(Math.floor(columns / 3), fieldWidth(columns, signLabel(prompt), signHint));
/** The command line's text keeps half the line; its candidates or error take the rest. */
export const commandFieldWidth = (columns: number) => Math.max(8, Math.floor((columns - 2) / 2));

export const filterLine = (field: TextField, columns: number) =>
	fitText(`/${fieldText(field, filterFieldWidth(columns))}${filterHint}`, columns - 1);

export function promptLine(prompt: HitPrompt, columns: number): string {
	const field = fieldText(prompt.reason, promptFieldWidth(prompt.disposition, columns));
	return fitText(`${promptLabel(prompt.disposition)}${field}${prompt.error ? `  ✗ ${prompt.error}` : promptHint}`, columns - 1);
}

/** `sign off reject of Kaspersky by Ada (#1) · note: ▏  Enter sign · Esc cancel`, the note kept in view. */
export function signLine(prompt: CountersignPrompt, columns: number): string {
	const width = signFieldWidth(prompt, columns);
	const field = fieldText(prompt.note, width);
	const label = fitText(signLabel(prompt), Math.max(1, columns - 1 - width - stringWidth(signHint))).trimEnd();
	return fitText(`${label} ${field}${signHint}`, columns - 1);
}

/** `:text▏  candidate · candidate`, or the reason the last command failed. */
export function commandLineText(line: CommandLine, columns: number): string {
	const text = `:${fieldText(line.field, commandFieldWidth(columns))}`;
	const after = line.error
		? `  ✗ ${line.error}`
		: line.candidates.length
			? `  ${line.candidates.map((candidate, index) => (index === line.cycle ? `[${candidate}]` : candidate)).join(' · ')}`
			: '  Tab complete · Enter run · Esc cancel';
	return fitText(text + after, columns - 1);
}
