// esbuild plugins that take start-up work off the first frame without
// changing what any dependency computes.
import {readFileSync} from 'node:fs';

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
