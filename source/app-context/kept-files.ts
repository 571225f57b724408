// What a run keeps in the cache for the next (the lists' candidate index): only a
// bundle keeps anything, because the code that made a kept result must be the code
// that reads it, and only a bundle knows its own identity (source/build/bundle.mjs).
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {appPaths, noteCacheUnwritable} from '../app-home/index.js';

declare const VENDOR_RISK_BUILD: string | undefined;
const codeBuild = typeof VENDOR_RISK_BUILD === 'string' ? VENDOR_RISK_BUILD : null;

export type KeptFile = {path: string; build: string; onUnwritable: (error: unknown) => void};

/** The identity of this code (a bundle's; "source" when running from source), for results kept under a key. */
export const codeIdentity = (): string => codeBuild ?? 'source';

/** Where the kept result `name` lives, or null when running from source (no code identity: nothing is kept). */
export function keptFile(env: NodeJS.ProcessEnv, name: string): KeptFile | null {
	if (!codeBuild) return null;
	const {cache} = appPaths(env);
	const onUnwritable = (error: unknown) => noteCacheUnwritable(cache, error);
	try {
		mkdirSync(cache, {recursive: true, mode: 0o700});
	} catch (error) {
		onUnwritable(error);
	}
	return {path: join(cache, name), build: codeBuild, onUnwritable};
}
