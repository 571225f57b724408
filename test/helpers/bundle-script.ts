// Node cannot run .ts in a child process or a worker thread: tests that need one bundle its entry first.
import {join} from 'node:path';
import {build} from 'esbuild';

/** Bundles `entry` (and its dependencies) into `outDirectory/name`, an ES module plain node can run. */
export async function bundleScript(entry: string, outDirectory: string, name: string): Promise<string> {
	const outfile = join(outDirectory, name);
	await build({
		entryPoints: [entry],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		outfile,
		logLevel: 'error',
		// CommonJS dependencies call require(); give the ESM bundle one.
		banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	});
	return outfile;
}
