// Field conventions shared by the CSL CSV and JSON downloads.
import type {EntityType} from '../../records/index.js';

const types: Record<string, EntityType> = {individual: 'person', entity: 'entity', vessel: 'vessel', aircraft: 'aircraft'};

/** BIS and State rows have no type at all: "other" says unknown rather than guessing. */
export function cslEntityType(value: unknown): EntityType {
	return typeof value === 'string' ? (types[value.trim().toLowerCase()] ?? 'other') : 'other';
}

/** CSL addresses end with the ISO-2 country code ("…, Hangzhou, 310051, CN"); null when they do not. */
export function cslAddressCountry(address: string): string | null {
	const last = address.slice(address.lastIndexOf(',') + 1).trim();
	return isCountryCode(last, 0, last.length) ? last : null;
}

/**
 * CSL CSV ids are "country, number, type" or "type, number, country" depending on
 * the list; rewrite both to the "type: value" form, keeping anything else as it is.
 * Found by position rather than split and regexes, and joined into one flat string:
 * a template literal keeps a tree of pieces that holds three times the memory.
 */
export function cslIdentifier(id: string): string {
	const first = id.indexOf(', ');
	if (first < 0) return id;
	const second = id.indexOf(', ', first + 2);
	// Exactly three parts, as id.split(', ') would find them.
	if (second < 0 || id.indexOf(', ', second + 2) >= 0) return id;
	const number = id.slice(first + 2, second);
	if (isCountryCode(id, 0, first)) return [id.slice(second + 2), ': ', number, ' (', id.slice(0, first), ')'].join('');
	if (isCountryCode(id, second + 2, id.length)) return [id.slice(0, first), ': ', number, ' (', id.slice(second + 2), ')'].join('');
	return id;
}

/** Whether text[start, end) is two capital ASCII letters. */
function isCountryCode(text: string, start: number, end: number): boolean {
	return end - start === 2 && isCapital(text.charCodeAt(start)) && isCapital(text.charCodeAt(start + 1));
}

function isCapital(code: number): boolean {
	return code >= 0x41 && code <= 0x5a;
}
