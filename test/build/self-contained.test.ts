// A fresh clone has nothing beside it: nothing the build or the tests read may
// live outside the repository (the team's reference folder beside it is upstream only).
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {expect, it} from 'vitest';
import {repositoryRoot} from '../helpers.js';

function filesUnder(folder: string): string[] {
	return readdirSync(folder).flatMap(name => {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) return name === 'fixtures' || name === 'node_modules' ? [] : filesUnder(path);
		return /\.(ts|tsx|mts|mjs|cjs|js|json)$/.test(name) ? [path] : [];
	});
}

it('no source, test or config file reads from beside the repository', () => {
	const files = [
		...filesUnder(join(repositoryRoot, 'source')),
		...filesUnder(join(repositoryRoot, 'test')),
		...['cli.tsx', 'vitest.config.ts', 'package.json', 'eslint.config.js', '.dependency-cruiser.cjs'].map(name =>
			join(repositoryRoot, name),
		),
	];
	expect(files.length).toBeGreaterThan(100);
	// The team's folder beside the repository, by a relative path or by name.
	const outside = /\.\.\/shared\b|['"`]\.\.['"`],\s*['"`]shared['"`]/;
	const offenders = files.filter(file => outside.test(readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '')));
	expect(offenders.map(file => relative(repositoryRoot, file))).toEqual([]);
});
