// One setting read straight from the file, without loading conf: the TUI needs
// its start view before the first frame. Anything unreadable means "not set".
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {appPaths} from '../app-home/index.js';
import type {Settings} from './index.js';

const defaultByteLimit = 512 * 1024 * 1024;

export function peekSetting(key: keyof Settings, environment: NodeJS.ProcessEnv = process.env): unknown {
	try {
		return (JSON.parse(readFileSync(join(appPaths(environment).config, 'settings.json'), 'utf8')) as Record<string, unknown>)[key];
	} catch {
		return undefined;
	}
}

const positiveWhole = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/**
 * The size cap for local inputs: settings.maxInputBytes, else the download cap (maxDownloadBytes),
 * else 512 MiB. Read without conf, so a run that only reads leaves no settings file behind.
 */
export function inputByteLimit(environment: NodeJS.ProcessEnv = process.env): number {
	const input = peekSetting('maxInputBytes', environment);
	if (positiveWhole(input)) return input;
	const download = peekSetting('maxDownloadBytes', environment);
	return positiveWhole(download) ? download : defaultByteLimit;
}
