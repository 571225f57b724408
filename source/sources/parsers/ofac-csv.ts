// OFAC's legacy SDN CSV: a headerless sdn.csv plus alt.csv (aliases), add.csv
// (addresses) and sdn_comments.csv (remarks overflow) beside it, joined on ent_num.
// Ids are "ofac-<ent_num>", the form OpenSanctions uses in its referents.
import {access} from 'node:fs/promises';
import type {EntityType, ScreeningEntity} from '../../records/index.js';
import {csvRecords} from './csv-records.js';
import {cleanLine, cleanList, cleanText, makeEntity} from './entity-fields.js';
import {ListFormatError} from './list-format-error.js';
import type {ListInput} from './text-input.js';

const label = 'OFAC SDN CSV';
// csv-parse is strict by default; OFAC's files have stray quotes inside unquoted fields.
const csvOptions = {relaxQuotes: true};
const types: Record<string, EntityType> = {individual: 'person', vessel: 'vessel', aircraft: 'aircraft'};

/** "x/ofactest_sdn.csv" -> "x/ofactest_alt.csv" etc.; the case of "sdn" is kept (SDN.CSV -> ALT.CSV). */
export function ofacCompanionNames(mainName: string): {alt: string; add: string; comments: string} {
	const cut = Math.max(mainName.lastIndexOf('/'), mainName.lastIndexOf('\\')) + 1;
	const directory = mainName.slice(0, cut);
	const base = mainName.slice(cut);
	const match = /^(.*)(sdn)(\.[^.]*)?$/i.exec(base) ?? /^(.*?)()(\.[^.]*)?$/.exec(base)!;
	const [, prefix = '', sdn = '', extension = ''] = match;
	const upper = sdn !== '' && sdn === sdn.toUpperCase();
	// Without "sdn" in the name, companions are "<name>_alt.csv" and so on.
	const stem = sdn === '' ? `${prefix}_` : prefix;
	const word = (name: string) => (upper ? name.toUpperCase() : name);
	return {
		alt: directory + stem + word('alt') + extension,
		add: directory + stem + word('add') + extension,
		comments: directory + stem + (sdn === '' ? word('sdn_comments') : sdn + word('_comments')) + extension,
	};
}

/** OFAC writes an empty field as "-0- " and ends files with Ctrl-Z. */
function value(field: string | undefined): string | null {
	if (field === undefined || field.trim() === '-0-') return null;
	return field;
}

const stripCtrlZ = (text: string) => text.replaceAll('\u001A', '');

type Companion = 'alt' | 'add' | 'comments';
const companionColumns: Record<Companion, number> = {alt: 5, add: 6, comments: 2};

/** Rows of a companion file grouped by ent_num; a missing file is a warning, not an error. */
async function readCompanion(input: ListInput, kind: Companion, path: string): Promise<Map<string, string[][]>> {
	const rows = new Map<string, string[][]>();
	const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
	try {
		await access(path);
	} catch {
		const lost = {alt: 'no aliases', add: 'no addresses', comments: 'only the first part of long remarks'}[kind];
		input.warnings.push(
			`${input.inputName}: ${name} was not found beside it, so entries have ${lost}; put ${name} in the same folder to include them`,
		);
		return rows;
	}
	const companion = {...input, path, inputName: name};
	for await (const {fields, line} of csvRecords(companion, label, csvOptions, stripCtrlZ)) {
		if (fields.length === 1 && fields[0]!.trim() === '') continue;
		if (fields.length !== companionColumns[kind]) {
			throw new ListFormatError(
				`${name}: expected ${companionColumns[kind]} columns (OFAC ${kind === 'comments' ? 'sdn_comments' : kind}.csv) but line ${line} has ${fields.length}; download the OFAC CSV files again`,
			);
		}
		const entNum = fields[0]!.trim();
		const group = rows.get(entNum);
		if (group) group.push(fields);
		else rows.set(entNum, [fields]);
	}
	return rows;
}

/**
 * Reads the companions first (they are small, and keyed by ent_num), then hands on each
 * sdn.csv row's entity as the row is read: the list itself is never held here.
 */
export async function parseOfacCsv(input: ListInput, emit: (entity: ScreeningEntity) => void): Promise<void> {
	const companionPaths = ofacCompanionNames(input.path);
	const alt = await readCompanion(input, 'alt', companionPaths.alt);
	const add = await readCompanion(input, 'add', companionPaths.add);
	const comments = await readCompanion(input, 'comments', companionPaths.comments);
	for await (const {fields, line} of csvRecords(input, label, csvOptions, stripCtrlZ)) {
		if (fields.length !== 12) {
			throw new ListFormatError(
				`${input.inputName}: expected 12 columns (OFAC sdn.csv) but line ${line} has ${fields.length}; pass the sdn.csv file (alt.csv, add.csv and sdn_comments.csv are read from beside it) or pass --format`,
			);
		}
		const [entNum, name, type, programs, , callSign, , , , , , remarks] = fields.map(value);
		if (entNum === null || !/^\d+$/.test(entNum!.trim())) {
			throw new ListFormatError(
				`${input.inputName}: line ${line} does not start with an entity number, so it is not OFAC sdn.csv; check the file or pass --format`,
			);
		}
		const id = entNum!.trim();
		const cleanName = cleanLine(name);
		if (cleanName === null) {
			input.warnings.push(`${input.inputName}: entry ${id} (line ${line}) has no name; skipped it`);
			continue;
		}
		const addresses = add.get(id) ?? [];
		// sdn_comments continues the Remarks text mid-word, so it is appended without a separator.
		const fullRemarks = [remarks, ...(comments.get(id) ?? []).map(row => value(row[1]))].filter(part => part !== null).join('');
		emit(
			makeEntity(`ofac-${id}`, {
				name: cleanName,
				aliases: cleanList((alt.get(id) ?? []).map(row => value(row[3]))),
				type: type === null ? 'entity' : (types[type!.trim().toLowerCase()] ?? 'other'),
				addresses: cleanList(
					addresses.map(row =>
						row
							.slice(2, 5)
							.map(value)
							.filter(part => part !== null)
							.join(', '),
					),
				),
				countries: cleanList(addresses.map(row => value(row[4]))),
				list: 'SDN',
				programs: programs === null ? [] : cleanList(programs!.replace(/^\[|\]$/g, '').split('] [')),
				remarks: cleanText(fullRemarks),
				identifiers: cleanList([callSign === null ? null : `Call Sign: ${callSign}`]),
			}),
		);
	}
}
