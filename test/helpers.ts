// Shared test helpers: repository paths and a temporary app home.
import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import {fileURLToPath} from 'node:url';
import {expect} from 'vitest';

export const repositoryRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** Real published list samples, each folder with its provenance (test/fixtures/README.md). */
export const fixture = (...parts: string[]) => join(repositoryRoot, 'test', 'fixtures', ...parts);
/** The bundle under test: dist/ as `npm test` builds it, or a private build (VENDOR_RISK_OUTDIR) named in VENDOR_RISK_TEST_DIST. */
export const builtCli = join(repositoryRoot, process.env.VENDOR_RISK_TEST_DIST ?? 'dist', 'cli.js');

export function temporaryHome(): {path: string; remove: () => void} {
	const path = mkdtempSync(join(tmpdir(), 'vendor-risk-test-'));
	return {path, remove: () => rmSync(path, {recursive: true, force: true})};
}

/**
 * A temporary home holding a copy of `template`: a home prepared once (settings, sources
 * fetched, decisions made through the CLI) and copied for each test, instead of every test
 * running the same commands again. Modes are kept; symbolic links are copied as they are.
 */
export function copyOfHome(template: string): {path: string; remove: () => void} {
	const home = temporaryHome();
	cpSync(template, home.path, {recursive: true, verbatimSymlinks: true});
	return home;
}

/**
 * "Today" for every child process the tests start: the day the app thinks it is,
 * whatever the machine's clock says (CI runs the end-to-end tests years ahead under
 * faketime). A test about another day passes --as-of or its own VENDOR_RISK_TODAY.
 */
export const testToday = '2026-12-06';

/** The environment for a child process: no CI (Ink renders non-interactively under it), a private home, a pinned today. */
export function childEnvironment(home: string, extra: Record<string, string> = {}): Record<string, string> {
	const environment: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value === undefined || key === 'CI' || key.startsWith('CI_')) continue;
		environment[key] = value;
	}
	return {...environment, VENDOR_RISK_HOME: home, VENDOR_RISK_TODAY: testToday, ...extra};
}

/**
 * The seed of every random choice the tests make (fast-check's runs, the crash test's
 * kill points): fixed, so a run can be repeated, and VENDOR_RISK_TEST_SEED to explore others.
 * Tests that use it name it in their failure messages.
 */
export const testSeed = Number(process.env.VENDOR_RISK_TEST_SEED ?? 20_261_206);

/** A seeded generator: numbers in [0, 1), the same sequence for the same seed. */
export {seededRandom} from '../source/bench/synthetic-names.js';

/**
 * expect(actual).toEqual(expected) for large values (whole indexes, every hit of a screening):
 * vitest's equality took over a second on a 3,000-entry index where node's strict deep
 * equality takes 35 ms. Values strictly equal are equal for toEqual too; any others go to
 * toEqual, which decides (as before) and shows the difference.
 */
export function expectEqualLarge(actual: unknown, expected: unknown, message?: string): void {
	if (!isDeepStrictEqual(actual, expected)) expect(actual, message).toEqual(expected);
}
