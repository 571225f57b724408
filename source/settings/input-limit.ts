// The size cap for local inputs (records, inventories, pairs, assets, list files),
// read without conf, so a run that only reads leaves no settings file behind.
import {peekSetting} from '../app-home/index.js';

const defaultByteLimit = 512 * 1024 * 1024;
const positiveWhole = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** settings.maxInputBytes, else the download cap (maxDownloadBytes), else 512 MiB. */
export function inputByteLimit(environment: NodeJS.ProcessEnv = process.env): number {
	const input = peekSetting('maxInputBytes', environment);
	if (positiveWhole(input)) return input;
	const download = peekSetting('maxDownloadBytes', environment);
	return positiveWhole(download) ? download : defaultByteLimit;
}
