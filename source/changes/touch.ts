// Which vendors a set of list changes can touch: a small candidate index over the changed
// entries only (both versions of a changed one), and every vendor name run through it, so
// re-screening after a fetch costs as much as the change, not as much as the list.
import {buildIndex, defaultThreshold, matchName} from '../screening/index.js';
import type {ScreeningEntity} from '../records/index.js';
import type {Change} from './since.js';

export type TouchVendor = {id: string; names: readonly string[]};

export type TouchOptions = {
	threshold?: number;
	/**
	 * Another matcher in place of the screening index: whether `name` matches an entry
	 * with these names (its name and aliases). Checked against every changed entry.
	 */
	match?: (name: string, entryNames: readonly string[]) => boolean;
};

export type TouchedChange = Change & {vendors: string[]};

/** Each change with the ids of the vendors it touches, in the vendors' order. */
export function vendorsTouchedBy(changes: readonly Change[], vendors: readonly TouchVendor[], options: TouchOptions = {}): TouchedChange[] {
	const touched = changes.map(() => new Set<string>());
	// Both versions of a changed entry count: a vendor that matched the old name is touched when it goes.
	const versions: Array<{change: number; entity: ScreeningEntity}> = changes.flatMap((change, index) => [
		{change: index, entity: {...change.entity}},
		...(change.previous ? [{change: index, entity: {...change.previous}}] : []),
	]);
	if (options.match) {
		const match = options.match;
		for (const {change, entity} of versions) {
			const entryNames = [entity.name, ...entity.aliases];
			for (const vendor of vendors) if (vendor.names.some(name => match(name, entryNames))) touched[change]!.add(vendor.id);
		}
	} else if (versions.length > 0) {
		// Copies above give each version its own identity, so a match leads back to its change.
		const changeOf = new Map(versions.map(version => [version.entity, version.change]));
		const index = buildIndex(versions.map(version => version.entity));
		const threshold = options.threshold ?? defaultThreshold;
		for (const vendor of vendors) {
			for (const name of vendor.names) {
				if (name.trim() === '') continue;
				for (const match of matchName(index, name, {threshold})) {
					const change = changeOf.get(match.entity);
					if (change !== undefined) touched[change]!.add(vendor.id);
				}
			}
		}
	}
	const order = new Map(vendors.map((vendor, position) => [vendor.id, position]));
	return changes.map((change, index) => ({...change, vendors: [...touched[index]!].sort((a, b) => order.get(a)! - order.get(b)!)}));
}

/** The ids of every vendor any of the changes touches, in the vendors' order. */
export function touchedVendors(changes: readonly Change[], vendors: readonly TouchVendor[], options: TouchOptions = {}): string[] {
	const ids = new Set(vendorsTouchedBy(changes, vendors, options).flatMap(change => change.vendors));
	return vendors.map(vendor => vendor.id).filter(id => ids.has(id));
}
