// `vendor-risk inventory` (the saved inventory) and `inventory set FILE`.
import {existsSync} from 'node:fs';
import {resolve} from 'node:path';
import {loadKeptInventory} from '../app-context/index.js';
import {inputByteLimit, openSettings} from '../settings/index.js';
import {countOf, displayText} from '../text/index.js';
import {reporting, type CommandIO} from './io.js';

/** Saves FILE as the inventory the TUI, list and screen use when --inventory is not given. */
export async function runInventorySet(file: string, io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		const path = resolve(file);
		const {vendors, errors} = await (await loadKeptInventory()).parseInventoryKept(path, inputByteLimit(io.env), io.env);
		for (const error of errors) io.stderr.write(`vendor-risk: warning: ${displayText(error)}\n`);
		openSettings(io.env).set('inventory', path);
		const skipped = errors.length ? `, ${countOf(errors.length, 'row')} skipped` : '';
		io.stdout.write(`Saved inventory ${displayText(path)}: ${countOf(vendors.length, 'vendor')}${skipped}.\n`);
		return 0;
	});
}

/** Shows the saved inventory: where it is and what it holds now. */
export async function runInventoryShow(io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		const path = openSettings(io.env).get('inventory');
		if (!path) {
			io.stdout.write('No saved inventory. Save one with: vendor-risk inventory set FILE (CSV or JSON with a name column)\n');
			return 0;
		}
		if (!existsSync(path)) {
			io.stdout.write(`Saved inventory ${displayText(path)}: the file is gone; run vendor-risk inventory set FILE again.\n`);
			return 1;
		}
		const {vendors, errors} = await (await loadKeptInventory()).parseInventoryKept(path, inputByteLimit(io.env), io.env);
		const skipped = errors.length ? `, ${countOf(errors.length, 'row')} skipped` : '';
		io.stdout.write(`Saved inventory ${displayText(path)}: ${countOf(vendors.length, 'vendor')}${skipped}.\n`);
		return 0;
	});
}
