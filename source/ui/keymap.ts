// Key remapping from the config file's `keys` ({"chooseColumns": "C",
// "moveDown": ["j", "Ctrl-n"]}): the shipped binding table with the reviewer's
// keys in place of a command's own. A key given to one command is taken from the
// others that shared a context with it, so no key ever means two things; the
// help is drawn from the result, so it shows the keys that work.
import {bindings, type Binding, type KeySpec} from './bindings.js';
import {commandNames, type CommandName, type Context} from './commands.js';

const named: Record<string, Omit<KeySpec, 'label'> & {label: string}> = {
	enter: {special: 'return', label: 'Enter'},
	return: {special: 'return', label: 'Enter'},
	esc: {special: 'escape', label: 'Esc'},
	escape: {special: 'escape', label: 'Esc'},
	tab: {special: 'tab', label: 'Tab'},
	'shift-tab': {special: 'tab', shift: true, label: 'Shift-Tab'},
	up: {special: 'upArrow', label: '↑'},
	down: {special: 'downArrow', label: '↓'},
	left: {special: 'leftArrow', label: '←'},
	right: {special: 'rightArrow', label: '→'},
	'↑': {special: 'upArrow', label: '↑'},
	'↓': {special: 'downArrow', label: '↓'},
	'←': {special: 'leftArrow', label: '←'},
	'→': {special: 'rightArrow', label: '→'},
	pgup: {special: 'pageUp', label: 'PgUp'},
	pageup: {special: 'pageUp', label: 'PgUp'},
	pgdn: {special: 'pageDown', label: 'PgDn'},
	pagedown: {special: 'pageDown', label: 'PgDn'},
	home: {special: 'home', label: 'Home'},
	end: {special: 'end', label: 'End'},
	backspace: {special: 'backspace', label: 'Backspace'},
	'alt-backspace': {special: 'backspace', meta: true, label: 'Alt-Backspace'},
	space: {input: ' ', label: 'Space'},
};

/** A key as the config file names it ("x", "Ctrl-f", "Enter", "Shift-Tab", "PgDn", "Space"), or null. */
export function parseKeyName(name: string): KeySpec | null {
	const known = named[name.trim().toLowerCase()];
	if (known) return known;
	const ctrl = /^(?:ctrl|c)-(\S)$/i.exec(name.trim());
	if (ctrl && /[a-z]/i.test(ctrl[1]!)) return {input: ctrl[1]!.toLowerCase(), ctrl: true, label: `Ctrl-${ctrl[1]!.toLowerCase()}`};
	// One printable character; a control character could not be typed as a key name anyway.
	if ([...name].length === 1 && !/[\s\p{Cc}]/u.test(name)) return {input: name, label: name};
	return null;
}

/** Contexts where a printable key would be typed rather than act: a remapped letter never steals typing. */
const typingContexts: readonly Context[] = ['filter', 'prompt', 'form', 'command', 'text'];
const isPrintable = (spec: KeySpec) => spec.input !== undefined && !spec.ctrl && !spec.special;

const signature = (spec: KeySpec) =>
	JSON.stringify([spec.special, spec.input, Boolean(spec.ctrl), Boolean(spec.shift), Boolean(spec.meta)]);

export type Keymap = {bindings: readonly Binding[]; problems: string[]};

const isCommandName = (name: string): name is CommandName => commandNames.some(command => command === name);

/** The shipped table with `overrides` applied; what could not be applied is said in `problems`, one line each. */
export function remappedBindings(overrides: unknown, shipped: readonly Binding[] = bindings): Keymap {
	if (overrides === undefined || overrides === null) return {bindings: shipped, problems: []};
	if (typeof overrides !== 'object' || Array.isArray(overrides))
		return {bindings: shipped, problems: ['config keys: expected an object of command names to keys, e.g. {"chooseColumns": "C"}']};
	const problems: string[] = [];
	const chosen = new Map<CommandName, KeySpec[]>();
	for (const [command, value] of Object.entries(overrides)) {
		if (!isCommandName(command)) {
			problems.push(`config keys.${command}: no such command (the help lists them)`);
			continue;
		}
		const names = Array.isArray(value) ? value : [value];
		const specs = names.map(name => (typeof name === 'string' ? parseKeyName(name) : null));
		const bad = names.filter((_, index) => !specs[index]);
		if (bad.length || specs.length === 0) {
			problems.push(
				`config keys.${command}: ${bad.map(name => JSON.stringify(name)).join(', ') || 'no key'} is not a key; kept the shipped keys`,
			);
			continue;
		}
		chosen.set(command, specs as KeySpec[]);
	}
	const result = shipped.map(binding => {
		const mine = chosen.get(binding.command);
		if (!mine) return binding;
		const keep = binding.contexts.filter(context => !typingContexts.includes(context));
		// Ctrl-C always quits, whatever else quit is given: a reviewer can never lock themselves in.
		const guard = binding.command === 'quit' ? binding.keys.filter(spec => spec.ctrl && spec.input === 'c') : [];
		return {...binding, keys: [...mine.map(spec => (isPrintable(spec) ? {...spec, only: keep} : spec)), ...guard]};
	});
	// Take each remapped key from every other command that shares a context with the remapped one.
	return {
		problems,
		bindings: result.map(binding => {
			if (chosen.has(binding.command)) return binding;
			const taken = new Set(
				result
					.filter(other => chosen.has(other.command) && other.contexts.some(context => binding.contexts.includes(context)))
					.flatMap(other => other.keys.map(signature)),
			);
			const keys = binding.keys.filter(spec => spec.anyKey || !taken.has(signature(spec)));
			return keys.length === binding.keys.length ? binding : {...binding, keys};
		}),
	};
}
