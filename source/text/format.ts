// Numbers and times as a reviewer reads them: sizes, ages, local timestamps.
import {countOf} from './count.js';

export function formatBytes(bytes: number): string {
	const units = ['B', 'KiB', 'MiB', 'GiB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-11-27 14:02" in local time: what a reviewer compares with their clock. */
export function formatTimestamp(iso: string): string {
	const date = new Date(iso);
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function formatAge(ms: number): string {
	const minutes = Math.floor(Math.max(0, ms) / 60_000);
	if (minutes < 1) return 'under a minute';
	if (minutes < 60) return countOf(minutes, 'minute');
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return countOf(hours, 'hour');
	return countOf(Math.floor(hours / 24), 'day');
}
