// A process's first ICU object (Intl.Segmenter, Collator, DisplayNames ...) costs 15-20 ms while its data
// loads, and each next one a few more: the app and its bundled string-width make theirs on first use,
// so a command that needs none makes none, and one that needs one still gets it.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {runCli} from '../commands/cli.js';
import {repositoryRoot, temporaryHome} from '../helpers.js';

const preload = join(repositoryRoot, 'test', 'build', 'fixtures', 'icu-constructions.mjs');

function run(args: string[], home: string) {
	const result = runCli(args, home, {env: {NODE_OPTIONS: `--import=${preload}`, COLUMNS: '100'}});
	expect(result.status, result.stderr).toBe(0);
	return {stdout: result.stdout, made: result.stderr.split('\n').filter(line => line.startsWith('icu: '))};
}

describe('ICU objects are made on first use', () => {
	it('--version and list vendors make none', () => {
		const home = temporaryHome();
		try {
			expect(run(['--version'], home.path).made).toEqual([]);
			const listed = run(['list', 'vendors'], home.path);
			expect(listed.stdout).toContain('Kaspersky');
			expect(listed.made).toEqual([]);
		} finally {
			home.remove();
		}
	});

	it('a table with emoji gets its segmenter when it needs one, and its columns stay aligned', () => {
		const home = temporaryHome();
		try {
			const inventory = join(home.path, 'inventory.csv');
			writeFileSync(inventory, 'name,country\nCafé ☕ Roasters,US\n🚀 Launch Co,US\nPlain Name Ltd,US\n');
			const listed = run(['--inventory', inventory, 'list', 'vendors'], home.path);
			expect(listed.made).toContain('icu: Segmenter');
			const table = listed.stdout.split('\n').filter(line => /^[│┌├└]/.test(line));
			expect(table.length).toBeGreaterThan(5);
			expect(new Set(table.map(line => stringWidth(line)))).toEqual(new Set([stringWidth(table[0]!)]));
			expect(table.some(line => line.includes('🚀 Launch Co'))).toBe(true);
		} finally {
			home.remove();
		}
	});
});
