// The published package: `npm pack`, then `npm install -g` of the tarball, gives a
// working vendor-risk that installs no dependencies (everything it runs is bundled).
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {childEnvironment, repositoryRoot, temporaryHome} from '../helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let folder: string;
let prefix: string;
let home: ReturnType<typeof temporaryHome>;

beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'vendor-risk-pack-'));
	prefix = join(folder, 'prefix');
	home = temporaryHome();
	// The tests run against the dist/ that `npm test` built; --ignore-scripts keeps pack from rebuilding it under them.
	const tarball = execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', folder], {
		cwd: repositoryRoot,
		encoding: 'utf8',
	}).trim();
	execFileSync(npm, ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(folder, tarball)], {
		cwd: folder,
		stdio: 'ignore',
	});
}, 120_000);
afterAll(() => {
	rmSync(folder, {recursive: true, force: true});
	home.remove();
});

it('installs exactly one package, with no dependencies of its own', () => {
	const installed = join(prefix, 'lib', 'node_modules');
	expect(readdirSync(installed).filter(name => !name.startsWith('.'))).toEqual(['vendor-risk']);
	expect(existsSync(join(installed, 'vendor-risk', 'node_modules'))).toBe(false);
});

it('runs from the installed bin', () => {
	const bin = join(prefix, 'bin', 'vendor-risk');
	const output = execFileSync(bin, ['list', 'vendors', '--json'], {env: childEnvironment(home.path), encoding: 'utf8'});
	expect((JSON.parse(output) as {rows: Array<{id: string}>}).rows.map(row => row.id)).toContain('kaspersky');
});
