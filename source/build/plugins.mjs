// esbuild plugins that take start-up work off the first frame without
// changing what any dependency computes.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const fastPath = fileURLToPath(new URL('string-width-fast-path.ts', import.meta.url));

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
import {standaloneTextWidth} from ${JSON.stringify(fastPath)};
const shortcut = standaloneTextWidth(${JSON.stringify(Number.parseInt(version, 10) >= 8 ? 'text' : 'emoji')}, {stripAnsi, eastAsianWidth});
export default function fastStringWidth(input, options) {
	return shortcut(input, options) ?? stringWidth(input, options);
}`,
		}));
	},
};

/**
 * yoga-layout (Ink's layout engine) embeds its WebAssembly as a base64 data URL
 * and, because Node has `fetch`, fetches it: that loads undici and decodes the
 * URL through it, ~80 ms on the first frame. The glue's own fallback decodes the
 * same bytes directly; the patch makes it take that path.
 */
export const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(build) {
		const fetchCheck = '"function"!=typeof fetch?Promise.resolve()';
		build.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, ({path}) => {
			const source = readFileSync(path, 'utf8');
			// A new yoga-layout with different glue must fail the build, not silently keep the slow path.
			if (source.split(fetchCheck).length !== 2) throw new Error(`yoga-without-fetch: "${fetchCheck}" not found once in ${path}; update the patch for this yoga-layout`);
			return {contents: source.replace(fetchCheck, '!0?Promise.resolve()'), loader: 'js'};
		});
	},
};
