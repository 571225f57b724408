// Node cannot run .ts in a child process or a worker thread: tests that need one bundle its entry first.
import {copyFileSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {build} from 'esbuild';
import {afterAll, beforeAll} from 'vitest';
import {dataBesideReaders} from '../../source/build/data-beside.mjs';
import {repositoryRoot} from '../helpers.js';

/** Bundles `entry` (and its dependencies) into `outDirectory/name`, an ES module plain node can run, with the data files its modules read beside themselves. */
export async function bundleScript(entry: string, outDirectory: string, name: string): Promise<string> {
	const outfile = join(outDirectory, name);
	const {metafile} = await build({
		entryPoints: [entry],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		outfile,
		logLevel: 'error',
		// CommonJS dependencies call require(); give the ESM bundle one.
		banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
		metafile: true,
	});
	for (const {reader, file} of dataBesideReaders)
		if (reader in metafile.inputs) copyFileSync(join(repositoryRoot, file), join(outDirectory, basename(file)));
	return outfile;
}

/** Bundles `entry` once for the calling test file (in a temporary folder removed afterwards); the returned function gives its path. */
export function useBundledScript(entry: string, name: string): () => string {
	let directory: string | undefined;
	let script: string | undefined;
	beforeAll(async () => {
		directory = mkdtempSync(join(tmpdir(), 'vendor-risk-script-'));
		script = await bundleScript(entry, directory, name);
	});
	afterAll(() => {
		if (directory) rmSync(directory, {recursive: true, force: true});
	});
	return () => {
		if (!script) throw new Error(`${name} is bundled in beforeAll; use it inside a test`);
		return script;
	};
}
