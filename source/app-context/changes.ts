// The Changes view's rows: changes since each source's previous fetch and the
// vendors (inventory or curated) each one touches, found through an index of
// the changed entries only.
import {changesSince, vendorsTouchedBy} from '../changes/index.js';
import type {ChangeRow} from '../tables/index.js';
import type {RunContext} from './run-context.js';

export function changeRows(context: RunContext, env: NodeJS.ProcessEnv = process.env): ChangeRow[] {
	const changes = changesSince(env);
	if (changes.length === 0) return [];
	const vendors = context.catalog.vendors.map(vendor => ({
		id: vendor.id,
		name: vendor.name,
		names: [vendor.name, ...vendor.aliases, ...vendor.entities.flatMap(entity => [entity.name, entity.originalScript ?? ''])].filter(
			Boolean,
		),
	}));
	return vendorsTouchedBy(changes, vendors, {threshold: context.inventory?.threshold}).map((change, index) => ({
		id: `${change.source}:${change.kind}:${change.entry.id}:${index}`,
		kind: change.kind,
		source: change.source,
		entryId: change.entry.id,
		name: change.entry.name,
		fields: change.fields,
		vendors: change.vendors,
	}));
}
