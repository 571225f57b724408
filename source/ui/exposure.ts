// The run's class-rule and ownership findings as the views read them: the whole
// exposure (none until the run is joined) and the findings of one vendor, indexed once per data.
import {noExposure, type Exposure, type ExposureFinding} from '../records/index.js';
import {exposureCounts, findingsByVendor} from '../tables/index.js';
import {countOf} from '../text/index.js';
import type {AppData} from './app-data.js';

export const exposureOf = (data: AppData): Exposure => data.exposure ?? noExposure;

const byVendorCache = new WeakMap<Exposure, Map<string, ExposureFinding[]>>();
const none: readonly ExposureFinding[] = [];

/** A vendor's findings (inventory vendor id), the index built once per exposure. */
export function findingsOf(data: AppData): (vendorId: string) => readonly ExposureFinding[] {
	const exposure = exposureOf(data);
	let byVendor = byVendorCache.get(exposure);
	if (!byVendor) byVendorCache.set(exposure, (byVendor = findingsByVendor(exposure)));
	const index = byVendor;
	return vendorId => index.get(vendorId) ?? none;
}

/** What the rules were applied to in this run, in one line: the Rules view's line above its table. */
export function reachSummary(data: AppData): string {
	const exposure = exposureOf(data);
	if (exposure.assetsChecked === 0 && exposure.findings.length === 0)
		return 'Nothing to apply the rules to yet: start with --assets FILE, or an --inventory with product, origin or owner columns.';
	const counts = exposureCounts(exposure);
	const unknown = exposure.unknownCategories.map(category => category.category);
	return [
		`${countOf(counts.assetsChecked, 'asset')} checked`,
		`${countOf(counts.vendors, 'vendor')} with findings`,
		unknown.length ? `${countOf(unknown.length, 'unknown category', 'unknown categories')}: ${unknown.join(', ')}` : '',
	]
		.filter(Boolean)
		.join(' · ');
}
