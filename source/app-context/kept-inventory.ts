// An inventory as it was parsed last, kept under its file's content: a 10,000-row
// CSV took 0.2-0.3 s to parse in a fresh process (csv-parse, then each row's
// draft and the grouping of rows into vendors), and its kept form 15-25 ms to
// read. Every run with a saved inventory parses it, a cached screening too.
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {writeWhole} from '../app-home/index.js';
import {readLocalInput} from '../records/index.js';
import {parseInventory, type InventoryParse} from '../screening/index.js';
import {decodeByBom} from '../text/index.js';
import {keptFile} from './kept-files.js';

type KeptInventory = InventoryParse & {build: string; key: string};

/**
 * Inventories of at most this many vendors are kept. A larger one's screening outweighs its parse, and
 * its kept form (about 180 bytes a vendor) would be written whole, as one string, on every change.
 */
const keptInventoryMaxVendors = 100_000;

/**
 * The inventory at `path` parsed, from the kept copy when the file's bytes, its path
 * (messages name it, its extension chooses the format) and the code are those it was
 * kept under. The file is read, and its size checked, either way.
 */
export async function parseInventoryKept(path: string, maxBytes: number, env: NodeJS.ProcessEnv): Promise<InventoryParse> {
	const bytes = await readLocalInput(path, {maxBytes, what: 'inventory file'});
	const file = keptFile(env, 'inventory.json');
	if (!file) return parseInventory(decodeByBom(bytes), path);
	const key = createHash('sha256').update(path).update('\u0000').update(bytes).digest('hex');
	const kept = readKept(file.path);
	if (kept?.build === file.build && kept.key === key) return {vendors: kept.vendors, errors: kept.errors};
	const parsed = parseInventory(decodeByBom(bytes), path);
	if (parsed.vendors.length > keptInventoryMaxVendors) return parsed;
	try {
		const stored: KeptInventory = {build: file.build, key, ...parsed};
		writeWhole(file.path, JSON.stringify(stored));
	} catch (error) {
		file.onUnwritable(error);
	}
	return parsed;
}

/** The kept copy, or undefined when there is none or it is not whole. */
function readKept(path: string): KeptInventory | undefined {
	try {
		const kept = JSON.parse(readFileSync(path, 'utf8')) as Partial<KeptInventory>;
		return Array.isArray(kept.vendors) && Array.isArray(kept.errors) ? (kept as KeptInventory) : undefined;
	} catch {
		return undefined;
	}
}
