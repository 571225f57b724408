// One setting read straight from the file, without loading conf: the TUI needs
// its start view before the first frame. Anything unreadable means "not set".
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {appPaths} from '../app-home/index.js';
import type {Settings} from './index.js';

export function peekSetting(key: keyof Settings, environment: NodeJS.ProcessEnv = process.env): unknown {
	try {
		return (JSON.parse(readFileSync(join(appPaths(environment).config, 'settings.json'), 'utf8')) as Record<string, unknown>)[key];
	} catch {
		return undefined;
	}
}
