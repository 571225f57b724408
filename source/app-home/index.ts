// Where the app keeps its own files. VENDOR_RISK_HOME moves all of them under one folder
// (tests and scripts use it); otherwise the platform's standard locations.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import envPaths from 'env-paths';

export type AppPaths = {config: string; cache: string; data: string};

export function appPaths(environment: NodeJS.ProcessEnv = process.env): AppPaths {
	const home = environment.VENDOR_RISK_HOME;
	if (home) return {config: join(home, 'config'), cache: join(home, 'cache'), data: join(home, 'data')};
	const paths = envPaths('vendor-risk', {suffix: ''});
	return {config: paths.config, cache: paths.cache, data: paths.data};
}

/**
 * One setting read straight from the settings file, without loading conf (the
 * settings capability's store): the TUI needs its start view before the first
 * frame. Anything unreadable means "not set".
 */
export function peekSetting(key: string, environment: NodeJS.ProcessEnv = process.env): unknown {
	try {
		return (JSON.parse(readFileSync(join(appPaths(environment).config, 'settings.json'), 'utf8')) as Record<string, unknown>)[key];
	} catch {
		return undefined;
	}
}
