// Right after a fetch, the lists' index is built and kept for the next screening.
import {buildCatalog} from '../records/index.js';
import {defaultThreshold, screeningJob} from '../screening/index.js';
import {openSettings} from '../settings/index.js';
import {baseLayers} from './run-context.js';
import {keepsListIndex, keptListIndex} from './screening-cache.js';
import {loadSourceData} from './sources.js';

/**
 * Builds and keeps the index of the lists as a command's next screening reads it (keptListIndex), right
 * after a fetch: the person is waiting for the fetch anyway, and the first screening of the new lists is
 * then as quick as any other. Only with a saved inventory (nothing is screened otherwise), lists whose
 * every source has data, and lists whose index is kept (keepsListIndex; the pool builds larger indexes on
 * its workers, in shared memory). `listEntries`: the fetched sources' entries together.
 */
export async function prepareListIndex(env: NodeJS.ProcessEnv, listEntries: number): Promise<void> {
	// Counted from the fetch, before any list is read: a list of a million entries is not loaded for nothing.
	if (listEntries === 0 || !keepsListIndex(listEntries) || !openSettings(env).get('inventory')) return;
	const sources = await loadSourceData({}, env);
	if (!sources.sources.every(source => source.usable !== false)) return;
	const catalog = buildCatalog([...(await baseLayers({})), ...sources.layers]);
	keptListIndex(screeningJob({vendors: [], entries: sources.entries, curated: catalog.vendors, threshold: defaultThreshold}), env);
}
