// Field conventions shared by the CSL CSV and JSON downloads.
import type {EntityType} from '../entity.js';

const types: Record<string, EntityType> = {individual: 'person', entity: 'entity', vessel: 'vessel', aircraft: 'aircraft'};

/** BIS and State rows have no type at all: "other" says unknown rather than guessing. */
export function cslEntityType(value: unknown): EntityType {
	return typeof value === 'string' ? (types[value.trim().toLowerCase()] ?? 'other') : 'other';
}

/** CSL addresses end with the ISO-2 country code ("…, Hangzhou, 310051, CN"); null when they do not. */
export function cslAddressCountry(address: string): string | null {
	const last = address.slice(address.lastIndexOf(',') + 1).trim();
	return last.length === 2 && /^[A-Z]{2}$/.test(last) ? last : null;
}

/**
 * CSL CSV ids are "country, number, type" or "type, number, country" depending on
 * the list; rewrite both to the "type: value" form, keeping anything else as it is.
 */
export function cslIdentifier(id: string): string {
	if (!id.includes(', ')) return id;
	const parts = id.split(', ');
	if (parts.length !== 3) return id;
	const [first, number, last] = parts as [string, string, string];
	if (/^[A-Z]{2}$/.test(first)) return `${last}: ${number} (${first})`;
	if (/^[A-Z]{2}$/.test(last)) return `${first}: ${number} (${last})`;
	return id;
}
