// One list entry as a snapshot keeps it: the entity in a canonical form, its content hash,
// and a compact record on disk (empty fields left out) that expands back to the entity.
import {sha256Hex} from '../text/index.js';
import type {EntityType, ScreeningEntity} from '../records/index.js';

/** The ScreeningEntity fields a change can name, in the order a reviewer reads them. */
export const entityFields = [
	'name',
	'aliases',
	'type',
	'addresses',
	'countries',
	'list',
	'programs',
	'listedOn',
	'federalRegisterNotice',
	'remarks',
	'sourceUrls',
	'identifiers',
] as const;
export type EntityField = (typeof entityFields)[number];

const entityTypes = new Set<EntityType>(['entity', 'person', 'vessel', 'aircraft', 'other']);

/**
 * The entity with set-like lists sorted (a list that only reorders aliases has not
 * changed them) and every field present, so equal content gives equal JSON.
 */
export function canonicalEntity(entity: ScreeningEntity): ScreeningEntity {
	const list = (values: readonly string[] | undefined) => {
		// Most lists are empty or hold one item: neither needs a copy mapped and sorted.
		if (values === undefined || values.length === 0) return [];
		return values.length === 1 ? [String(values[0])] : values.map(String).sort();
	};
	const text = (value: string | null | undefined) => (value === undefined || value === null ? null : String(value));
	return {
		id: String(entity.id),
		name: String(entity.name ?? ''),
		aliases: list(entity.aliases),
		type: entityTypes.has(entity.type) ? entity.type : 'other',
		addresses: list(entity.addresses),
		countries: list(entity.countries),
		list: String(entity.list ?? ''),
		programs: list(entity.programs),
		listedOn: text(entity.listedOn),
		federalRegisterNotice: text(entity.federalRegisterNotice),
		remarks: text(entity.remarks),
		sourceUrls: list(entity.sourceUrls),
		identifiers: list(entity.identifiers),
	};
}

/** Canonical JSON of one field's value (strings and sorted string lists need no key sorting). */
export function fieldJson(entity: ScreeningEntity, field: EntityField): string {
	return JSON.stringify(entity[field]);
}

/** sha256 (hex) of the canonical JSON of the entity's content; the id is the key, not content. */
export function entryHash(entity: ScreeningEntity): string {
	return canonicalHash(canonicalEntity(entity));
}

/**
 * entryHash of an entity already in canonical form (canonicalEntity's result): its fields in
 * name order as one object literal (one shape, not keys added one by one), which JSON.stringify
 * writes exactly as the fields' JSON joined in name order.
 */
export function canonicalHash(canonical: ScreeningEntity): string {
	return sha256Hex(
		JSON.stringify({
			addresses: canonical.addresses,
			aliases: canonical.aliases,
			countries: canonical.countries,
			federalRegisterNotice: canonical.federalRegisterNotice,
			identifiers: canonical.identifiers,
			list: canonical.list,
			listedOn: canonical.listedOn,
			name: canonical.name,
			programs: canonical.programs,
			remarks: canonical.remarks,
			sourceUrls: canonical.sourceUrls,
			type: canonical.type,
		}),
	);
}

/** The fields whose canonical values differ between two versions of an entry. */
export function changedFields(before: ScreeningEntity, after: ScreeningEntity): EntityField[] {
	const a = canonicalEntity(before);
	const b = canonicalEntity(after);
	return entityFields.filter(field => fieldJson(a, field) !== fieldJson(b, field));
}

/** What a snapshot file holds per entry: id, hash, and the non-empty fields. */
export type EntryRecord = {id: string; hash: string; fields: Partial<Omit<ScreeningEntity, 'id'>>};

/** The non-empty fields of an entity in canonical form, as a snapshot file keeps them. */
export function compactFields(canonical: ScreeningEntity): EntryRecord['fields'] {
	const fields: Record<string, unknown> = {};
	for (const field of entityFields) {
		const value = canonical[field];
		if (value === null || (Array.isArray(value) && value.length === 0)) continue;
		fields[field] = value;
	}
	return fields as EntryRecord['fields'];
}

export function expandRecord(record: EntryRecord): ScreeningEntity {
	const fields = record.fields ?? {};
	return canonicalEntity({
		id: record.id,
		name: fields.name ?? '',
		aliases: fields.aliases ?? [],
		type: fields.type ?? 'other',
		addresses: fields.addresses ?? [],
		countries: fields.countries ?? [],
		list: fields.list ?? '',
		programs: fields.programs ?? [],
		listedOn: fields.listedOn ?? null,
		federalRegisterNotice: fields.federalRegisterNotice ?? null,
		remarks: fields.remarks ?? null,
		sourceUrls: fields.sourceUrls ?? [],
		identifiers: fields.identifiers ?? [],
	});
}
