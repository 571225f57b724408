// The README's Keys section against the binding table: every key the screens
// bind is in it, every key it names is bound, and the modals' lines are the
// help's own, so the README can never advertise a key that does nothing.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {bindings, contextSummary, keysIn} from '../../source/ui/bindings.js';
import type {Context} from '../../source/ui/commands.js';
import {repositoryRoot} from '../helpers.js';

const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Keys'), readme.indexOf('<!-- end of keys -->'));
const keyCells = section
	.split('\n')
	.filter(line => line.startsWith('| ') && !line.startsWith('| key |'))
	.map(line => line.split(' | ')[0]!.slice(2));
/** The README's key cells split into keys: "↑ ↓ / j k" is ↑, ↓, j and k (a lone / or · separates), and "/" alone is the filter key. */
const readmeKeys = new Set(keyCells.flatMap(cell => (cell === '/' ? ['/'] : cell.split(/\s+/).filter(key => key !== '/' && key !== '·'))));
const screens: Context[] = ['table', 'detail', 'frequency'];
const modals: Context[] = ['filter', 'prompt', 'form', 'choice', 'confirm', 'columns', 'command', 'text'];
const screenLabels = new Set(
	bindings.flatMap(binding =>
		screens.flatMap(context => (binding.contexts.includes(context) ? keysIn(binding, context).map(spec => spec.label) : [])),
	),
);

describe("the README's Keys section", () => {
	it('names every key the table, detail and frequency screens bind', () => {
		for (const label of screenLabels) {
			// The view digits are written as a range.
			const written = /^[0-8]$/.test(label) ? '0-8' : label;
			expect(readmeKeys.has(written), `${label} is bound but not in the README's Keys table`).toBe(true);
		}
	});

	it('names no key that the screens do not bind', () => {
		for (const key of readmeKeys) expect(key === '0-8' || screenLabels.has(key), `${key} is in the README but bound nowhere`).toBe(true);
	});

	it("lists each modal's keys exactly as the help does", () => {
		for (const modal of modals) expect(section).toContain(`- ${contextSummary(modal)}\n`);
	});
});
