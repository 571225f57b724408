// A real organisation's scale: a saved inventory of 10,000 vendors screened
// against a list the size of the full CSL (14,000 entries: the real sample and
// synthetic entries, fetched as a source). How long `list
// vendors --json` takes, and how long the TUI takes to show the inventory's
// table, both before the screening cache exists (cold) and after (warm). The
// fetch keeps the lists' index (app-context/prepare-index.ts), as it does for a
// reviewer; a cold run screens the whole inventory over it.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {parse} from 'csv-parse/sync';
import {stringify} from 'csv-stringify/sync';
import {join} from 'node:path';
import {loadEmbeddedRecords} from '../records/index.js';
import {curatedNames, parseInventoryFile} from '../screening/index.js';
import {indexAndBrandNames} from './evaluation-names.js';
import {childEnvironment, loadMeter} from './measure.js';
import {controlCompanyNames, legalForms, seededRandom, syntheticList} from './synthetic-names.js';
import {percentile, type BenchRow} from './types.js';

export const inventorySize = 10_000;
const runs = 5;

/**
 * 10,000 rows as a real inventory mixes them: every curated vendor under a few of
 * its names (some with a product line), real unlisted company and brand names, a
 * few names taken from the list, and ordinary companies; countries drawn at random.
 */
export function writeInventory(path: string, listNames: readonly string[], size = inventorySize): void {
	const random = seededRandom(17);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const rows: Array<[string, string, string]> = [];
	for (const vendor of loadEmbeddedRecords().vendors) {
		const names = curatedNames(vendor);
		for (let copy = 0; copy < 4; copy++) rows.push([pick(names), vendor.hq, copy === 0 ? `${vendor.name} Endpoint` : '']);
	}
	for (let at = 0; at < 200; at++) rows.push([pick(listNames), '', '']);
	for (const {name} of indexAndBrandNames()) rows.push([name, pick(['US', 'GB', 'DE', 'FR', 'JP', '']), '']);
	for (const name of controlCompanyNames(size, 29)) {
		if (rows.length >= size) break;
		rows.push([random() < 0.5 ? name : `${name} ${pick(legalForms)}`.trim(), pick(['US', 'GB', 'DE', 'CN', 'IN', '']), '']);
	}
	const cell = (text: string) => `"${text.replace(/"/g, '""')}"`;
	writeFileSync(path, ['name,country,products', ...rows.slice(0, size).map(row => row.map(cell).join(','))].join('\n') + '\n');
}

/**
 * A CSL CSV the size of the full list: the real sample's records, then synthetic
 * entries (synthetic-names.ts) to `size` rows. Repeating the sample instead would
 * give each real entry dozens of twins and every vendor that meets one dozens of hits.
 */
function writeCslSizedList(path: string, records: ReadonlyArray<Record<string, string>>, size: number): void {
	const columns = Object.keys(records[0]!);
	const synthetic = syntheticList(size - records.length, 31).map(entity => ({
		_id: entity.id,
		source: 'Synthetic list',
		type: entity.type === 'person' ? 'Individual' : 'Entity',
		name: entity.name,
		addresses: entity.countries.join('; '),
	}));
	writeFileSync(path, stringify([...records, ...synthetic], {header: true, columns}));
}

/** A home with the full CSL as a fetched source and the inventory saved. */
export async function inventoryHome(
	directory: string,
	cli: string,
	sampleCsv: string,
): Promise<{home: string; env: Record<string, string>; vendors: number}> {
	const home = join(directory, 'home');
	const env = childEnvironment(home);
	const csl = join(directory, 'consolidated.csv');
	const sample = readFileSync(sampleCsv, 'utf8');
	const records = parse(sample, {columns: true, relax_column_count: true}) as Array<Record<string, string>>;
	writeCslSizedList(csl, records, 14_000);
	const listNames = records.filter(record => record.type !== 'Individual').map(record => record.name!.trim());
	const inventory = join(directory, 'inventory.csv');
	writeInventory(inventory, listNames);
	const cliRun = (...args: string[]) => {
		const child = spawnSync(process.execPath, [cli, ...args], {env, encoding: 'utf8'});
		if (child.status !== 0) throw new Error(`vendor-risk ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
	};
	// As a reviewer starts: the inventory saved, then the lists fetched (the fetch builds the lists' index).
	cliRun('sources', 'add', csl, '--name', 'csl');
	cliRun('inventory', 'set', inventory);
	cliRun('fetch');
	// Rows naming one vendor are one vendor (inventory.ts): the table shows fewer than the rows written.
	const {vendors} = await parseInventoryFile(inventory, Number.MAX_SAFE_INTEGER);
	return {home, env, vendors: vendors.length};
}

/** Time from spawning the TUI in a pseudo-terminal to a frame that shows every vendor of the inventory. */
async function inventoryTableTime(cli: string, env: Record<string, string>, vendors: number): Promise<number> {
	const pty = await import('node-pty');
	return new Promise<number>((resolve, reject) => {
		const started = performance.now();
		const child = pty.spawn(process.execPath, [cli], {cols: 100, rows: 30, env});
		let output = '';
		let shown = 0;
		const wanted = `/${vendors} shown`;
		child.onExit(({exitCode}) => (shown ? resolve(shown) : reject(new Error(`the TUI exited (${exitCode}): ${output.slice(-300)}`))));
		child.onData(data => {
			output = (output + data).slice(-4000);
			if (shown || !output.includes(wanted)) return;
			shown = performance.now() - started;
			child.kill();
		});
	});
}

const screeningCache = (home: string) => join(home, 'cache', 'screening.json');

export async function inventoryBenchCases(cli: string, sampleCsv: string): Promise<BenchRow[]> {
	const directory = mkdtempSync(join(tmpdir(), 'vendor-risk-bench-inventory-'));
	try {
		const {home, env, vendors} = await inventoryHome(directory, cli, sampleCsv);
		const listJson = () => {
			const started = performance.now();
			const child = spawnSync(process.execPath, [cli, 'list', 'vendors', '--json'], {env, stdio: ['ignore', 'ignore', 'pipe']});
			if (child.status !== 0) throw new Error(`list vendors --json exited ${child.status}: ${child.stderr}`);
			return performance.now() - started;
		};
		const rows: BenchRow[] = [];
		const cold = {list: [] as number[], tui: [] as number[]};
		const warm = {list: [] as number[], tui: [] as number[]};
		const coldLoad = loadMeter();
		// Interleaved, so a busy moment on the machine falls on every kind alike.
		for (let run = 0; run < runs; run++) {
			rmSync(screeningCache(home), {force: true});
			cold.list.push(listJson());
			warm.list.push(listJson());
			rmSync(screeningCache(home), {force: true});
			cold.tui.push(await inventoryTableTime(cli, env, vendors));
			listJson(); // leaves the cache as a TUI killed mid-screening may not
			warm.tui.push(await inventoryTableTime(cli, env, vendors));
		}
		const load = coldLoad.reading();
		const size = `${inventorySize.toLocaleString('en')} rows (${vendors.toLocaleString('en')} vendors) x 14,000 entries`;
		const row = (name: string, times: number[], targetMs: number, note: string): BenchRow => ({
			case: name,
			size,
			medianMs: percentile(times, 0.5),
			p95Ms: percentile(times, 0.95),
			baseline: null,
			baselineMs: null,
			target: `<= ${targetMs / 1000} s`,
			met: percentile(times, 0.5) <= targetMs,
			load,
			note,
		});
		rows.push(
			row('TUI: inventory table shown, cached screening', warm.tui, 1000, 'PTY 100x30, to the frame showing every inventory row'),
			row('TUI: inventory table shown, first screening', cold.tui, 1000, 'no screening cache: list hits may still be coming'),
			row('list vendors --json, cached screening', warm.list, 1500, 'output discarded'),
			row(
				'list vendors --json, first screening',
				cold.list,
				1500,
				"no screening cache: the whole inventory screened, over the lists' index the fetch built",
			),
		);
		return rows;
	} finally {
		rmSync(directory, {recursive: true, force: true});
	}
}
