// Builds the shipped bin: one minified ESM entry plus lazily loaded chunks, so
// `--help` and `--version` never load Ink, and the TUI's first frame is fast.
import {build} from 'esbuild';
import {readFileSync, rmSync} from 'node:fs';
import {stringWidthFastPath, yogaWithoutFetch} from './plugins.mjs';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const root = new URL('../../', import.meta.url).pathname;
// A private output folder (one level below the root, so the bench still finds ../shared) lets a benchmark build run beside tests that use dist/.
const outdir = process.env.VENDOR_RISK_OUTDIR ? `${root}${process.env.VENDOR_RISK_OUTDIR}` : `${root}dist`;
rmSync(outdir, {recursive: true, force: true});

const shared = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	minify: true,
	splitting: true,
	outdir,
	chunkNames: 'chunks/[name]-[hash]',
	jsx: 'automatic',
	legalComments: 'none',
	logLevel: 'warning',
	// React's production build: the development one (checks and warnings for React's own developers) is
	// twice the code to compile and slower to render; left to the environment, it is what runs.
	define: {VENDOR_RISK_VERSION: JSON.stringify(packageJson.version), 'process.env.DEV': '"false"', 'process.env.NODE_ENV': '"production"'},
	plugins: [stringWidthFastPath, yogaWithoutFetch],
	// Bundled CommonJS dependencies call require(); give the ESM bundle one.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	// Optional devtools integration of Ink; never installed in production.
	external: ['react-devtools-core'],
};

// The screening worker is an entry of its own beside cli.js (source/screening/neighbour-pool.ts looks for it there).
await build({...shared, entryPoints: {cli: `${root}cli.tsx`, 'screening-worker': `${root}source/screening/neighbour-worker.ts`}});
// The benchmark shares nothing with the shipped bundle's chunks; node-pty is a dev-only native module.
if (process.argv.includes('--bench')) {
	await build({...shared, minify: false, chunkNames: 'bench-chunks/[name]-[hash]', entryPoints: {bench: `${root}source/bench/index.ts`}, external: [...shared.external, 'node-pty']});
}
