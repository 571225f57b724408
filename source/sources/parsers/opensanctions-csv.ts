// OpenSanctions "targets.simple.csv": one row per target, multi-values joined by ";".
// The full file has about a million rows, so rows are read by column index and the
// entities kept lean: shared empty lists, one copy of each dataset name and of each
// repeated countries or sanctions list, lists sized to their items.
import type {EntityType, ScreeningEntity} from '../../records/index.js';
import {field, parseHeadedCsv} from './headed-csv.js';
import {type Interner, cleanedCountry, fieldLine, makeEntity, splitField} from './entity-fields.js';
import {ListFormatError} from './list-format-error.js';
import type {ListInput} from './text-input.js';
import {targetSchemaTypes} from './opensanctions-types.js';

const label = 'OpenSanctions targets.simple.csv';
const required = ['id', 'schema', 'name'];
const types = targetSchemaTypes;

const columnNames = ['id', 'schema', 'name', 'aliases', 'addresses', 'countries', 'dataset', 'sanctions', 'identifiers'] as const;
type Column = (typeof columnNames)[number];
type Columns = Record<Column, number>;

export function parseOpenSanctionsCsv(input: ListInput, emit: (entity: ScreeningEntity) => void): Promise<void> {
	return parseHeadedCsv(
		input,
		{
			label,
			columnNames,
			checkHeader(header) {
				const missing = required.filter(column => !header.includes(column));
				if (missing.length > 0) {
					throw new ListFormatError(
						`${input.inputName}: missing the targets.simple.csv header (no ${missing.map(column => `"${column}"`).join(', ')} column); check the file is OpenSanctions' targets.simple.csv or pass --format`,
					);
				}
			},
			widthNote: '',
			widthAdvice: 'the file is damaged, download it again',
			emptyAdvice: "check the file is OpenSanctions' targets.simple.csv",
			entity: simpleEntity,
		},
		emit,
	);
}

function simpleEntity(fields: string[], columns: Columns, interner: Interner): ScreeningEntity | null {
	const name = fieldLine(field(fields, columns, 'name'));
	if (name === null) return null;
	const dataset = fieldLine(field(fields, columns, 'dataset'));
	return makeEntity(fieldLine(field(fields, columns, 'id')), {
		name,
		aliases: splitField(field(fields, columns, 'aliases'), ';'),
		type: schemaType(field(fields, columns, 'schema')!.trim()),
		addresses: splitField(field(fields, columns, 'addresses'), ';'),
		countries: interner.list(field(fields, columns, 'countries'), countriesOf),
		list: dataset === null ? 'OpenSanctions' : interner.intern(dataset),
		programs: interner.list(field(fields, columns, 'sanctions'), splitOnSemicolons),
		identifiers: splitField(field(fields, columns, 'identifiers'), ';'),
	});
}

function splitOnSemicolons(value: string | undefined): string[] {
	return splitField(value, ';');
}

function countriesOf(value: string | undefined): string[] {
	return splitField(value, ';', cleanedCountry);
}

function schemaType(schema: string): EntityType {
	return Object.hasOwn(types, schema) ? types[schema]! : 'other';
}
