// The one binding table: every command has a key, no key means two things in one context, and a modal's contexts are asked first.
import {describe, expect, it} from 'vitest';
import {bindings, contextSummary, helpLines, resolveKey, type KeyEvent} from '../../source/ui/bindings.js';
import {commandNames, contexts as allContexts, type Context} from '../../source/ui/commands.js';

const key = (event: Partial<KeyEvent>): KeyEvent => ({input: '', ...event});
const commandOf = (event: Partial<KeyEvent>, contexts: Context[]) => {
	const resolved = resolveKey(key(event), contexts);
	return resolved && 'command' in resolved ? resolved.command : resolved;
};
const contexts: readonly Context[] = allContexts;

describe('the binding table', () => {
	it('binds a key to every command', () => {
		const bound = new Set(bindings.map(binding => binding.command));
		for (const command of commandNames) expect(bound.has(command), command).toBe(true);
	});

	it('never binds one key to two commands in the same context', () => {
		for (const context of contexts) {
			const seen = new Map<string, string>();
			for (const binding of bindings.filter(candidate => candidate.contexts.includes(context)))
				for (const spec of binding.keys.filter(candidate => !candidate.only || candidate.only.includes(context))) {
					const signature = JSON.stringify([spec.special, spec.input, spec.ctrl, spec.shift, spec.meta, spec.anyKey]);
					expect(seen.get(signature), `${spec.label} in ${context}`).toBeUndefined();
					seen.set(signature, binding.command);
				}
		}
	});

	it('says what each key does in at most 24 characters, so two columns of keys fit at 80x24', () => {
		for (const binding of bindings)
			for (const help of [binding.help, ...Object.values(binding.helpIn ?? {})]) expect(help.length, help).toBeLessThanOrEqual(24);
	});

	it('lists the keys of each context for the help, modal ones included', () => {
		expect(helpLines('table').join('\n')).toMatch(/q Ctrl-C +quit/);
		expect(helpLines('detail').join('\n')).toMatch(/Esc q +back/);
		expect(contextSummary('filter')).toBe('Filter box: Enter keep · Esc clear');
		expect(contextSummary('text')).toContain('Ctrl-W/Alt-Backspace delete a word');
		expect(contextSummary('choice')).toContain('→/l/Space next choice');
	});
});

describe('resolving a key', () => {
	it('reads q as quit in a table and as back in a detail or a frequency view', () => {
		expect(commandOf({input: 'q'}, ['table'])).toBe('quit');
		expect(commandOf({input: 'q'}, ['detail'])).toBe('back');
		expect(commandOf({input: 'q'}, ['frequency'])).toBe('back');
	});

	it('completes on Tab in the command line, where the letters of table keys are typed', () => {
		expect(commandOf({tab: true}, ['command', 'text'])).toBe('completeCommand');
		expect(resolveKey(key({input: 'c'}), ['command', 'text'])).toEqual({insert: 'c'});
		expect(resolveKey(key({input: 'F'}), ['command', 'text'])).toEqual({insert: 'F'});
	});

	it('asks the modal first: Enter keeps the filter, Esc clears it, and a table key is typed', () => {
		expect(commandOf({return: true}, ['filter', 'text'])).toBe('keepFilter');
		expect(commandOf({escape: true, meta: true}, ['filter', 'text'])).toBe('clearFilter');
		expect(resolveKey(key({input: 'q'}), ['filter', 'text'])).toEqual({insert: 'q'});
	});

	it('quits with Ctrl-C from every context, the help included', () => {
		for (const stack of [
			['table'],
			['detail'],
			['frequency'],
			['columns'],
			['command', 'text'],
			['help'],
			['filter', 'text'],
			['prompt', 'text'],
			['form', 'choice'],
			['form', 'text'],
		] as Context[][])
			expect(commandOf({input: 'c', ctrl: true}, stack), stack.join('+')).toBe('quit');
	});

	it('closes the help with any other key, which does nothing else', () => {
		expect(commandOf({input: 'q'}, ['help'])).toBe('closeHelp');
		expect(commandOf({downArrow: true}, ['help'])).toBe('closeHelp');
	});

	it('chooses with ←/→ on a form choice but moves the cursor in a form text field', () => {
		expect(commandOf({leftArrow: true}, ['form', 'choice'])).toBe('choosePrevious');
		expect(commandOf({input: 'l'}, ['form', 'choice'])).toBe('chooseNext');
		expect(commandOf({leftArrow: true}, ['form', 'text'])).toBe('cursorLeft');
		expect(resolveKey(key({input: 'l'}), ['form', 'text'])).toEqual({insert: 'l'});
		expect(commandOf({tab: true}, ['form', 'text'])).toBe('nextField');
	});

	it('reads Ink’s Backspace (reported as delete) as a delete back, and with Alt as a word delete', () => {
		expect(commandOf({delete: true}, ['prompt', 'text'])).toBe('deleteBackward');
		expect(commandOf({backspace: true}, ['prompt', 'text'])).toBe('deleteBackward');
		expect(commandOf({delete: true, meta: true}, ['prompt', 'text'])).toBe('deleteWordBackward');
		expect(commandOf({input: 'w', ctrl: true}, ['prompt', 'text'])).toBe('deleteWordBackward');
	});

	it('types nothing for an unbound control key, and drops keys no context of a modal takes', () => {
		expect(resolveKey(key({input: 'f', ctrl: true}), ['filter', 'text'])).toBeNull();
		expect(resolveKey(key({input: 'x'}), ['form', 'choice'])).toBeNull();
		expect(resolveKey(key({upArrow: true}), ['prompt', 'text'])).toBeNull();
	});
});
