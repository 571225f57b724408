// Shared test helpers: repository paths and a temporary app home.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

export const repositoryRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** ../shared beside the repository: the team's fixtures and reference facts. */
export const sharedDirectory = resolve(repositoryRoot, '..', 'shared');
export const fixture = (...parts: string[]) => join(sharedDirectory, 'fixtures', ...parts);
/** The bundle under test: dist/ as `npm test` builds it, or a private build (VENDOR_RISK_OUTDIR) named in VENDOR_RISK_TEST_DIST. */
export const builtCli = join(repositoryRoot, process.env.VENDOR_RISK_TEST_DIST ?? 'dist', 'cli.js');

export function temporaryHome(): {path: string; remove: () => void} {
	const path = mkdtempSync(join(tmpdir(), 'vendor-risk-test-'));
	return {path, remove: () => rmSync(path, {recursive: true, force: true})};
}

/** The environment for a child process: no CI (Ink renders non-interactively under it), a private home. */
export function childEnvironment(home: string, extra: Record<string, string> = {}): Record<string, string> {
	const environment: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value === undefined || key === 'CI' || key.startsWith('CI_')) continue;
		environment[key] = value;
	}
	return {...environment, VENDOR_RISK_HOME: home, ...extra};
}
