// OpenSanctions "targets.simple.csv": one row per target, multi-values joined by ";".
import type {EntityType, ScreeningEntity} from '../entity.js';
import {csvRecords} from './csv-records.js';
import {cleanLine, cleanList, countryValue, makeEntity, splitList} from './entity-fields.js';
import {ListFormatError} from './list-format-error.js';
import type {ListInput} from './text-input.js';

const label = 'OpenSanctions targets.simple.csv';
const required = ['id', 'schema', 'name'];
const types: Record<string, EntityType> = {
	Person: 'person',
	Organization: 'entity',
	Company: 'entity',
	LegalEntity: 'entity',
	PublicBody: 'entity',
	Vessel: 'vessel',
	Airplane: 'aircraft',
};

export async function parseOpenSanctionsCsv(input: ListInput): Promise<ScreeningEntity[]> {
	const entities: ScreeningEntity[] = [];
	let header: string[] | null = null;
	for await (const {fields, line} of csvRecords(input, label)) {
		if (header === null) {
			header = fields.map(field => field.trim());
			const missing = required.filter(column => !header!.includes(column));
			if (missing.length > 0) {
				throw new ListFormatError(`${input.inputName}: missing the targets.simple.csv header (no ${missing.map(column => `"${column}"`).join(', ')} column); check the file is OpenSanctions' targets.simple.csv or pass --format`);
			}
			continue;
		}
		if (fields.length !== header.length) {
			throw new ListFormatError(`${input.inputName}: expected ${header.length} columns (${label}, as its header says) but line ${line} has ${fields.length}; the file is damaged, download it again`);
		}
		const row = Object.fromEntries(header.map((column, index) => [column, fields[index]!])) as Record<string, string>;
		const name = cleanLine(row['name']);
		if (name === null) {
			input.warnings.push(`${input.inputName}: line ${line} has no name; skipped it`);
			continue;
		}
		entities.push(
			makeEntity(cleanLine(row['id']), {
				name,
				aliases: splitList(row['aliases'], ';'),
				type: types[row['schema']!.trim()] ?? 'other',
				addresses: splitList(row['addresses'], ';'),
				countries: splitList(row['countries'], ';').map(countryValue),
				list: cleanLine(row['dataset']) ?? 'OpenSanctions',
				programs: splitList(row['sanctions'], ';'),
				identifiers: splitList(row['identifiers'], ';'),
			}),
		);
	}
	if (header === null) throw new ListFormatError(`${input.inputName}: no CSV rows found; check the file is OpenSanctions' targets.simple.csv`);
	return entities;
}
