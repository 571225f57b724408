// Remapping keys from the config file: key names read as a reviewer writes them,
// the remapped key taken from every other command that shared a context, a
// letter never stealing typing from a text field, Ctrl-C always quitting.
import {describe, expect, it} from 'vitest';
import {resolveKey, type KeyEvent} from '../../source/ui/bindings.js';
import type {Context} from '../../source/ui/commands.js';
import {parseKeyName, remappedBindings} from '../../source/ui/keymap.js';

const commandOf = (keymap: ReturnType<typeof remappedBindings>, event: Partial<KeyEvent>, contexts: Context[]) => {
	const resolved = resolveKey({input: '', ...event}, contexts, keymap.bindings);
	return resolved && 'command' in resolved ? resolved.command : resolved;
};

describe('key names', () => {
	it('reads letters, Ctrl- keys, named keys and arrows', () => {
		expect(parseKeyName('C')).toMatchObject({input: 'C', label: 'C'});
		expect(parseKeyName('Ctrl-N')).toMatchObject({input: 'n', ctrl: true, label: 'Ctrl-n'});
		expect(parseKeyName('pgdn')).toMatchObject({special: 'pageDown'});
		expect(parseKeyName('Shift-Tab')).toMatchObject({special: 'tab', shift: true});
		expect(parseKeyName('↓')).toMatchObject({special: 'downArrow'});
		expect(parseKeyName('Space')).toMatchObject({input: ' '});
	});

	it('refuses what no key is', () => {
		for (const name of ['', 'Ctrl-Shift-Q', 'ab', 'Ctrl-1', '\u0007', 'F13']) expect(parseKeyName(name), name).toBeNull();
	});
});

describe('remapped bindings', () => {
	it('gives the command the new key and takes it from the command that had it', () => {
		const keymap = remappedBindings({chooseColumns: 'a'});
		expect(keymap.problems).toEqual([]);
		expect(commandOf(keymap, {input: 'a'}, ['table'])).toBe('chooseColumns');
		expect(commandOf(keymap, {input: 'c'}, ['table'])).toBeNull();
		// markAll had "a" in the same context: it has no key left there now.
		expect(keymap.bindings.find(binding => binding.command === 'markAll')!.keys).toEqual([]);
	});

	it('never lets a remapped letter stop a text field typing it', () => {
		const keymap = remappedBindings({quit: 'x'});
		expect(commandOf(keymap, {input: 'x'}, ['table'])).toBe('quit');
		expect(resolveKey({input: 'x'}, ['filter', 'text'], keymap.bindings)).toEqual({insert: 'x'});
		expect(resolveKey({input: 'x'}, ['command', 'text'], keymap.bindings)).toEqual({insert: 'x'});
	});

	it('keeps Ctrl-C on quit whatever quit is given', () => {
		const keymap = remappedBindings({quit: ['Q']});
		expect(commandOf(keymap, {input: 'c', ctrl: true}, ['filter', 'text'])).toBe('quit');
		expect(commandOf(keymap, {input: 'q'}, ['table'])).toBeNull();
	});

	it('keeps the shipped keys of a command whose new keys are not keys, and says so; unknown commands too', () => {
		const keymap = remappedBindings({frequency: 'Ctrl-Shift-Q', nosuch: 'z', copy: 7});
		expect(commandOf(keymap, {input: 'F'}, ['table'])).toBe('frequency');
		expect(commandOf(keymap, {input: 'y'}, ['table'])).toBe('copy');
		expect(keymap.problems).toHaveLength(3);
		expect(keymap.problems[0]).toBe('config keys.frequency: "Ctrl-Shift-Q" is not a key; kept the shipped keys');
		expect(keymap.problems[1]).toContain('config keys.nosuch: no such command');
		expect(remappedBindings('C').problems[0]).toContain('expected an object');
	});
});
