// Builds the shipped bin: one minified ESM entry plus lazily loaded chunks, so
// `--help` and `--version` never load Ink, and the TUI's first frame is fast.
// Ink and React are a CommonJS script of their own (ui-runtime.cjs) that
// start-up compiles through V8's code cache (see code-cache.ts).
import {build} from 'esbuild';
import {createHash} from 'node:crypto';
import {readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import Module, {createRequire} from 'node:module';
import {basename, dirname, join, relative} from 'node:path';
import vm from 'node:vm';
import {dataBesideReaders} from './data-beside.mjs';
import {anyAsciiBlocks, anyAsciiBlocksFile, anyAsciiBlocksOnFirstUse, firstUseScripts, onFirstUse} from './on-first-use.mjs';
import {
	inkOutputCachesAcrossFrames,
	inkWithoutDevtoolsImport,
	stringWidthFastPath,
	uiRuntimeImports,
	uiRuntimePackages,
	yogaInstantiatedAtLoad,
	zodEnglishOnly,
} from './plugins.mjs';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const root = new URL('../../', import.meta.url).pathname;
// A private output folder (one level below the root, so the bench still finds test/fixtures) lets a benchmark build run beside tests that use dist/.
const outdir = process.env.VENDOR_RISK_OUTDIR ? `${root}${process.env.VENDOR_RISK_OUTDIR}` : `${root}dist`;
rmSync(outdir, {recursive: true, force: true});

/**
 * The identity of the code that builds: every source file and the locked dependencies. Kept data made by
 * one build (the lists' candidate index, screening/index-file.ts) is not read by another.
 */
function codeIdentity() {
	const hash = createHash('sha256').update(readFileSync(`${root}package-lock.json`));
	const files = readdirSync(`${root}source`, {recursive: true, withFileTypes: true})
		.filter(entry => entry.isFile())
		.map(entry => join(entry.parentPath ?? entry.path, entry.name))
		.sort();
	for (const file of [`${root}cli.tsx`, ...files]) hash.update(relative(root, file)).update('\0').update(readFileSync(file));
	return hash.digest('hex').slice(0, 32);
}

const common = {
	absWorkingDir: root,
	bundle: true,
	platform: 'node',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	logLevel: 'warning',
	// React's production build: the development one (checks and warnings for React's own developers) is
	// twice the code to compile and slower to render; left to the environment, it is what runs.
	define: {
		VENDOR_RISK_VERSION: JSON.stringify(packageJson.version),
		VENDOR_RISK_BUILD: JSON.stringify(codeIdentity()),
		'process.env.DEV': '"false"',
		'process.env.NODE_ENV': '"production"',
	},
};

const uiRuntime = await build({
	...common,
	format: 'cjs',
	entryPoints: [`${root}source/startup/ui-runtime.ts`],
	outfile: 'ui-runtime.cjs',
	write: false,
	define: {...common.define, 'import.meta.url': '__importMetaUrl'},
	banner: {js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;"},
	plugins: [stringWidthFastPath, yogaInstantiatedAtLoad, inkWithoutDevtoolsImport, inkOutputCachesAcrossFrames],
});
const uiRuntimeCode = uiRuntime.outputFiles[0].text;
// A script run through vm has no import(): whatever needed one would fail only when reached.
if (/\bimport\(/.test(uiRuntimeCode)) throw new Error('ui-runtime.cjs must not use import()');
/** The names each namespace exports, read from the script itself: what the bundle's imports may ask for. */
const uiRuntimeExports = (() => {
	const module = {exports: {}};
	new vm.Script(Module.wrap(uiRuntimeCode)).runInThisContext()(
		module.exports,
		createRequire(`${root}package.json`),
		module,
		`${root}ui-runtime.cjs`,
		root,
	);
	return Object.fromEntries(Object.entries(module.exports).map(([namespace, exports]) => [namespace, Object.keys(exports)]));
})();

const shared = {
	...common,
	// Linked maps without the sources' text: --debug traces name source files and lines, and the package stays small.
	sourcemap: 'linked',
	sourcesContent: false,
	format: 'esm',
	splitting: true,
	outdir,
	chunkNames: 'chunks/[name]-[hash]',
	jsx: 'automatic',
	metafile: true,
	// The script's content hash names its cache: a new build never reads an old build's cache.
	define: {...common.define, UI_RUNTIME_KEY: JSON.stringify(createHash('sha256').update(uiRuntimeCode).digest('hex').slice(0, 16))},
	plugins: [
		uiRuntimeImports(uiRuntimeExports),
		stringWidthFastPath,
		anyAsciiBlocksOnFirstUse,
		zodEnglishOnly,
		...firstUseScripts.map(onFirstUse),
	],
	// Bundled CommonJS dependencies call require(); give the ESM bundle one.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
};

/** Packages bundled as one CommonJS script of their own, which a plugin's stand-ins require on first use. */
async function scriptOf(entry) {
	const {outputFiles} = await build({...common, format: 'cjs', write: false, stdin: {contents: entry, resolveDir: root, loader: 'js'}});
	return outputFiles[0].text;
}

/**
 * Files the bundle reads beside the code that reads them (each finds its file next to itself): Ink and
 * React's script, data read as JSON on first use (the embedded dataset, the dictionary's words,
 * any-ascii's table) and the scripts of on-first-use.mjs. `reader` starts the name of the input that
 * reads it (a plugin's module is named by its namespace and path).
 */
const besideReaders = [
	{reader: 'source/startup/ui-runtime-loader.ts', name: 'ui-runtime.cjs', content: uiRuntimeCode},
	...dataBesideReaders.map(({reader, file}) => ({reader, name: basename(file), content: readFileSync(`${root}${file}`)})),
	{reader: 'any-ascii-blocks:', name: anyAsciiBlocksFile, content: await anyAsciiBlocks()},
	...(await Promise.all(
		firstUseScripts.map(async ({name, file, entry}) => ({reader: `${name}-on-first-use:`, name: file, content: await scriptOf(entry)})),
	)),
];

/** Builds, then writes each file of besideReaders beside every output holding its reader; returns those outputs. */
async function buildWithFilesBeside(options, metafileName) {
	const {metafile} = await build(options);
	// Kept for the test that checks what each start loads (not shipped: package.json's "files" leaves it out).
	if (metafileName) writeFileSync(join(outdir, metafileName), JSON.stringify(metafile));
	const doubled = Object.keys(metafile.inputs).filter(input => uiRuntimePackages.test(input));
	if (doubled.length > 0) throw new Error(`bundled again beside ui-runtime.cjs: ${doubled.join(', ')}`);
	return besideReaders.flatMap(({reader, name, content}) => {
		const outputs = Object.keys(metafile.outputs).filter(output =>
			Object.keys(metafile.outputs[output].inputs).some(input => input.startsWith(reader)),
		);
		if (outputs.length === 0) throw new Error(`no output holds ${reader}, which reads ${name}`);
		for (const output of outputs) writeFileSync(join(root, dirname(output), name), content);
		return outputs.map(output => ({reader, output: relative(outdir, join(root, output))}));
	});
}

// The screening worker is an entry of its own beside cli.js (source/screening/screening-pool.ts looks for it there).
const shipped = await buildWithFilesBeside(
	{
		...shared,
		entryPoints: {cli: `${root}cli.tsx`, 'screening-worker': `${root}source/screening/screening-worker.ts`},
	},
	'metafile.json',
);
// package.json's "files" ships dist/chunks: the files read beside their readers must be there.
const outsideChunks = shipped.filter(({output}) => !output.startsWith('chunks/'));
if (outsideChunks.length > 0)
	throw new Error(`bundled outside chunks/: ${outsideChunks.map(({reader, output}) => `${reader} in ${output}`).join(', ')}`);
// The benchmark shares nothing with the shipped bundle's chunks; node-pty is a dev-only native module.
if (process.argv.includes('--bench')) {
	await buildWithFilesBeside({
		...shared,
		minify: false,
		chunkNames: 'bench-chunks/[name]-[hash]',
		entryPoints: {bench: `${root}source/bench/index.ts`},
		external: ['node-pty'],
	});
	// The first frame's floor: a bare Ink app bundled plainly, without the app's start-up work (see bare-ink-app.tsx).
	await build({
		...common,
		format: 'esm',
		jsx: 'automatic',
		entryPoints: {'bare-ink': `${root}source/bench/bare-ink-app.tsx`},
		outdir,
		// Ink reaches its devtools through a top-level await that a bundle cannot keep lazy: the app's own patch, nothing more.
		plugins: [inkWithoutDevtoolsImport],
		banner: shared.banner,
	});
}
