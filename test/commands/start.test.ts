import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {temporaryHome} from '../helpers.js';
import {runCli} from './cli.js';

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
	home = temporaryHome();
});
afterEach(() => home.remove());

// `vendor-risk` alone starts the TUI without commander; with options, commander starts it: both refuse a pipe alike.
describe('vendor-risk without a command', () => {
	it.each([[[]], [['--as-of', '2024-01-01']]])('outside a terminal (arguments %j) points to list and exits 2', args => {
		const result = runCli(args, home.path);
		expect(result.status).toBe(2);
		expect(result.stderr).toBe(
			'vendor-risk: the terminal UI needs an interactive terminal\n  hint: use vendor-risk list … or vendor-risk screen … in scripts\n',
		);
		expect(result.stdout).toBe('');
	});
});
