// Ink and React for the bundle: the ui-runtime script, run through a code
// cache in the user's cache folder. The build writes the script beside the
// output file that holds this module, and sets its content hash.
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {appPaths} from '../app-home/index.js';
import {runWithCodeCache} from './code-cache.js';

declare const UI_RUNTIME_KEY: string;

export type UiRuntime = Record<'ink' | 'react' | 'jsxRuntime', Record<string, unknown>>;

export const uiRuntime = runWithCodeCache(fileURLToPath(new URL('ui-runtime.cjs', import.meta.url)), {
	folder: join(appPaths().cache, 'compiled'),
	name: 'ui-runtime',
	key: UI_RUNTIME_KEY,
}) as UiRuntime;
