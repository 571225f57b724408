// esbuild plugins that take start-up work off the first frame, and work Ink
// repeats off every frame, without changing what any dependency computes, except
// the width of text with combining marks, counted as terminals draw it
// (markedTextWidth).
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const fastPath = fileURLToPath(new URL('../startup/string-width-fast-path.ts', import.meta.url));

/**
 * Every `import 'string-width'` gets the copy it resolves to behind the
 * standalone-text shortcut, and copies of one version become one module
 * (Ink, widest-line and cli-truncate each carry 8.x): one Intl.Segmenter and
 * one set of regexes to build at start-up instead of three.
 */
export const stringWidthFastPath = {
	name: 'string-width-fast-path',
	setup(build) {
		const copyByVersion = new Map();
		build.onResolve({filter: /^string-width$/}, async ({importer, resolveDir, kind, pluginData}) => {
			if (pluginData === 'real') return undefined;
			const real = await build.resolve('string-width', {importer, resolveDir, kind, pluginData: 'real'});
			if (real.errors.length > 0) return {errors: real.errors};
			const {version} = JSON.parse(readFileSync(join(dirname(real.path), 'package.json'), 'utf8'));
			if (!copyByVersion.has(version)) copyByVersion.set(version, real.path);
			return {path: copyByVersion.get(version), namespace: 'string-width-fast-path', pluginData: version};
		});
		build.onLoad({filter: /.*/, namespace: 'string-width-fast-path'}, ({path, pluginData: version}) => ({
			resolveDir: dirname(path),
			loader: 'js',
			// Its helpers resolve from the real package's folder: the same copies it counts with.
			contents: `import stringWidth from ${JSON.stringify(path)};
import stripAnsi from 'strip-ansi';
import {eastAsianWidth} from 'get-east-asian-width';
import {markedTextWidth, standaloneTextWidth} from ${JSON.stringify(fastPath)};
const shortcut = standaloneTextWidth(${JSON.stringify(Number.parseInt(version, 10) >= 8 ? 'text' : 'emoji')}, {stripAnsi, eastAsianWidth});
const marked = markedTextWidth({stripAnsi, eastAsianWidth});
export default function fastStringWidth(input, options) {
	return shortcut(input, options) ?? marked(input, options) ?? stringWidth(input, options);
}`,
		}));
		// string-width makes its Intl.Segmenter when it loads; the shortcut above answers most text without it, and
		// a process's first ICU object costs 15-20 ms (its data loads). Made on its first use instead.
		build.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, ({path}) => ({
			loader: 'js',
			contents: patchOnce(
				readFileSync(path, 'utf8'),
				path,
				'const segmenter = new Intl.Segmenter();',
				'let segmenterMade;\nconst segmenter = {segment: text => (segmenterMade ??= new Intl.Segmenter()).segment(text)};',
			),
		}));
	},
};

/** Replaces `search` in a dependency's file, which must hold it exactly once: a new version fails the build instead of slipping past a patch. */
function patchOnce(source, path, search, replacement) {
	if (source.split(search).length !== 2)
		throw new Error(`${search.slice(0, 60)}… is not in ${path} exactly once; update the build's patch for this version`);
	return source.replace(search, () => replacement);
}

const yogaGlue = /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
const yogaEntry = /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/;

/** The glue's `H="data:…;base64,…"` assignment and the base64 in it, found exactly once. */
function wasmDataUrlIn(gluePath) {
	const found = [...readFileSync(gluePath, 'utf8').matchAll(/H="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/g)];
	if (found.length !== 1)
		throw new Error(`the WebAssembly data URL is not in ${gluePath} exactly once; update the build's yoga patch for this version`);
	return {assignment: found[0][0], base64: found[0][1]};
}

/**
 * yoga-layout (Ink's layout engine) embeds its WebAssembly as a base64 data URL
 * and awaits it at the top of its module: a script cannot, and Node's fetch of
 * that URL (undici, percent-decoding 120 KB) cost ~80 ms before Ink could
 * render. The same bytes, compiled and instantiated synchronously through
 * Emscripten's instantiateWasm hook, leave the glue fully set up when
 * loadYoga returns; the glue keeps no second copy of them.
 */
export const yogaInstantiatedAtLoad = {
	name: 'yoga-instantiated-at-load',
	setup(build) {
		build.onLoad({filter: yogaGlue}, ({path}) => ({
			loader: 'js',
			contents: patchOnce(readFileSync(path, 'utf8'), path, wasmDataUrlIn(path).assignment, 'H=""'),
		}));
		build.onLoad({filter: yogaEntry}, ({path}) => ({
			loader: 'js',
			resolveDir: dirname(path),
			contents: `import loadYoga from '../binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from './wrapAssembly.js';
const wasm = new WebAssembly.Module(Buffer.from(${JSON.stringify(wasmDataUrlIn(join(dirname(path), '..', 'binaries', 'yoga-wasm-base64-esm.js')).base64)}, 'base64'));
const yoga = {instantiateWasm(imports, receive) { const instance = new WebAssembly.Instance(wasm, imports); receive(instance); return instance.exports; }};
loadYoga(yoga);
if (!yoga.calledRun) throw new Error('yoga-layout did not start synchronously');
export default wrapAssembly(yoga);
export * from './generated/YGEnums.js';
`,
		}));
	},
};

/**
 * Ink's reconciler awaits its React DevTools integration at the top of its
 * module when DEV=true, which a script cannot. The bundle ships no DevTools:
 * the import fails as a missing module (Ink prints its own hint, as before),
 * and the package.json it reads for DevTools (not in the bundle either) is
 * left unread.
 */
export const inkWithoutDevtoolsImport = {
	name: 'ink-without-devtools-import',
	setup(build) {
		build.onLoad({filter: /ink[\\/]build[\\/]reconciler\.js$/}, ({path}) => {
			let source = readFileSync(path, 'utf8');
			source = patchOnce(
				source,
				path,
				"await import('./devtools.js');",
				"throw Object.assign(new Error('react-devtools-core is not in the vendor-risk bundle'), {code: 'ERR_MODULE_NOT_FOUND'});",
			);
			source = patchOnce(source, path, '? await loadPackageJson()', '? {name: undefined, version: undefined}');
			return {loader: 'js', contents: source};
		});
	},
};

/** Lines a frame's output caches keep across frames at most before they start afresh: a few screens' worth. */
const outputCacheLines = 512;

/**
 * Ink makes its output caches (each line's styled characters, each text's width)
 * anew for every frame, so every frame tokenised every line again, the unchanged
 * borders, header and status lines included. They are kept across frames instead,
 * emptied when they hold more than a few screens. Ink never changes what they hold
 * (a frame only places the cached characters), so a frame's text is the same.
 */
export const inkOutputCachesAcrossFrames = {
	name: 'ink-output-caches-across-frames',
	setup(build) {
		build.onLoad({filter: /ink[\\/]build[\\/]output\.js$/}, ({path}) => {
			const source = patchOnce(readFileSync(path, 'utf8'), path, 'caches = new OutputCaches();', 'caches = keptOutputCaches();');
			return {
				loader: 'js',
				resolveDir: dirname(path),
				contents: `${source}
let keptCaches;
function keptOutputCaches() {
	if (!keptCaches || keptCaches.styledChars.size > ${outputCacheLines} || keptCaches.widths.size > ${outputCacheLines * 4} || keptCaches.blockWidths.size > ${outputCacheLines}) keptCaches = new OutputCaches();
	return keptCaches;
}
`,
			};
		});
	},
};

const uiRuntimeLoader = fileURLToPath(new URL('../startup/ui-runtime-loader.ts', import.meta.url));
const uiRuntimeNamespaces = {ink: 'ink', react: 'react', 'react/jsx-runtime': 'jsxRuntime'};
/** Files of the packages the ui-runtime script holds: none may be bundled a second time as ES modules. */
export const uiRuntimePackages = /node_modules[\\/](ink|react|react-reconciler|scheduler|yoga-layout)[\\/]/;

/**
 * The ES-module bundle takes `ink`, `react` and `react/jsx-runtime` from the
 * ui-runtime script (see ui-runtime-loader.ts): one copy of each, whichever
 * module imports it. `exportNames` are the script's own, per namespace.
 */
export function uiRuntimeImports(exportNames) {
	return {
		name: 'ui-runtime-imports',
		setup(build) {
			build.onResolve({filter: /^(ink|react|react\/jsx-runtime)$/}, ({path}) => ({path, namespace: 'ui-runtime'}));
			build.onLoad({filter: /.*/, namespace: 'ui-runtime'}, ({path}) => {
				const namespace = uiRuntimeNamespaces[path];
				const names = exportNames[namespace].filter(name => name !== 'default');
				return {
					loader: 'js',
					resolveDir: dirname(uiRuntimeLoader),
					contents: `import {uiRuntime} from ${JSON.stringify(uiRuntimeLoader)};
const {${names.join(', ')}} = uiRuntime.${namespace};
export {${names.join(', ')}};
export default uiRuntime.${namespace}.default;
`,
				};
			});
		},
	};
}

/**
 * zod's namespace carries every locale it has (`z.locales`, 264 KB of its 454 in the bundle), which every
 * command that reads the decision log compiled; the app uses the English messages zod configures by
 * default, and no other. The locales' index becomes English alone.
 */
export const zodEnglishOnly = {
	name: 'zod-english-only',
	setup(build) {
		build.onResolve({filter: /^\.\.\/locales\/index\.js$/}, ({importer}) =>
			/[\\/]zod[\\/]v4[\\/](?:classic|core|mini)[\\/][^\\/]+\.js$/.test(importer)
				? {path: join(dirname(importer), '..', 'locales', 'index.js'), namespace: 'zod-english-only'}
				: undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'zod-english-only'}, ({path}) => ({
			loader: 'js',
			resolveDir: dirname(path),
			contents: `export {default as en} from './en.js';`,
		}));
	},
};
