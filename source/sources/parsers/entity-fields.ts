// Builds ScreeningEntity values from raw source fields. Every string passes
// through the sanitiser here: this is the boundary between fetched text and the app.
import {createHash} from 'node:crypto';
import {sanitizeText} from '../../text/index.js';
import type {EntityType, ScreeningEntity} from '../entity.js';

/** A single-line field: sanitised, trimmed, empty becomes null. */
export function cleanLine(value: unknown): string | null {
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	const text = sanitizeText(String(value)).replace(/\s+/g, ' ').trim();
	return text === '' ? null : text;
}

/** A free-text field (remarks): line breaks survive, other controls are neutralised. */
export function cleanText(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const text = sanitizeText(value, {keepLayout: true}).trim();
	return text === '' ? null : text;
}

/** Cleans, drops empties and duplicates, keeps first-seen order. */
export function cleanList(values: Iterable<unknown>): string[] {
	const seen = new Set<string>();
	for (const value of values) {
		const text = cleanLine(value);
		if (text !== null) seen.add(text);
	}
	return [...seen];
}

/** Splits a joined multi-value field ("a; b; c") into clean items. */
export function splitList(value: unknown, separator: string | RegExp): string[] {
	return typeof value === 'string' ? cleanList(value.split(separator)) : [];
}

/** A date only when it is a real YYYY-MM-DD (a longer timestamp is cut to its day). */
export function isoDay(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value.trim());
	if (!match) return null;
	const [, year, month, day] = match.map(Number);
	const date = new Date(Date.UTC(year!, month! - 1, day!));
	return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day ? match.slice(1).join('-') : null;
}

/** Two letters read as an ISO 3166 alpha-2 code, upper-cased; anything else is the source's text. */
export function countryValue(value: string): string {
	return /^[a-z]{2}$/i.test(value) ? value.toUpperCase() : value;
}

export type EntityFields = Omit<ScreeningEntity, 'id' | 'name' | 'type'> & {name: string; type: EntityType};

const emptyFields: Omit<EntityFields, 'name' | 'type' | 'list'> = {
	aliases: [],
	addresses: [],
	countries: [],
	programs: [],
	listedOn: null,
	federalRegisterNotice: null,
	remarks: null,
	sourceUrls: [],
	identifiers: [],
};

/**
 * Completes an entity: aliases never repeat the name, and without a list id the
 * id is "sha256:" of the canonical content (fields in a fixed order) so it is
 * stable across runs and machines.
 */
export function makeEntity(listId: string | null, fields: Partial<EntityFields> & Pick<EntityFields, 'name' | 'type' | 'list'>): ScreeningEntity {
	const merged = {...emptyFields, ...fields};
	const content = {
		name: merged.name,
		aliases: merged.aliases.filter(alias => alias !== merged.name),
		type: merged.type,
		addresses: merged.addresses,
		countries: merged.countries,
		list: merged.list,
		programs: merged.programs,
		listedOn: merged.listedOn,
		federalRegisterNotice: merged.federalRegisterNotice,
		remarks: merged.remarks,
		sourceUrls: merged.sourceUrls,
		identifiers: merged.identifiers,
	};
	const id = listId ?? 'sha256:' + createHash('sha256').update(JSON.stringify(content)).digest('hex');
	return {id, ...content};
}

/** Keeps the first entity per id; later duplicates become one warning. */
export function dropDuplicateIds(entities: ScreeningEntity[], inputName: string, warnings: string[]): ScreeningEntity[] {
	const seen = new Set<string>();
	const duplicates: string[] = [];
	const kept = entities.filter(entity => {
		if (!seen.has(entity.id)) return seen.add(entity.id);
		duplicates.push(entity.id);
		return false;
	});
	if (duplicates.length > 0) {
		const shown = duplicates.slice(0, 5).join(', ') + (duplicates.length > 5 ? ', …' : '');
		warnings.push(`${inputName}: ${duplicates.length} entr${duplicates.length === 1 ? 'y repeats an id' : 'ies repeat ids'} (${shown}); kept the first of each`);
	}
	return kept;
}
