// The loop every headed CSV list shares: check the header, map the columns a
// parser reads, insist each row has the header's width, and build one entity per
// row (a row without a name is skipped with a warning).
import type {ScreeningEntity} from '../../records/index.js';
import {csvRecordBatches} from './csv-records.js';
import {Interner} from './entity-fields.js';
import {ListFormatError} from './list-format-error.js';
import type {ListInput} from './text-input.js';

export type HeadedCsv<Column extends string> = {
	label: string;
	columnNames: readonly Column[];
	/** Throws a ListFormatError when the header is not this format's. */
	checkHeader: (header: string[], input: ListInput) => void;
	/** Said inside the wrong-width message's brackets, after "as its header says". */
	widthNote: string;
	/** The wrong-width message's tail: what to do about it. */
	widthAdvice: string;
	/** The no-rows message's tail. */
	emptyAdvice: string;
	entity: (fields: string[], columns: Record<Column, number>, interner: Interner) => ScreeningEntity | null;
};

/** Hands each row's entity to `emit` as the row is read: a million-row list is never held here. */
export async function parseHeadedCsv<Column extends string>(
	input: ListInput,
	format: HeadedCsv<Column>,
	emit: (entity: ScreeningEntity) => void,
): Promise<void> {
	const interner = new Interner();
	let header: string[] | null = null;
	let columns: Record<Column, number> | null = null;
	for await (const batch of csvRecordBatches(input, format.label)) {
		for (const {fields, line} of batch) {
			if (header === null) {
				const found = fields.map(field => field.trim());
				format.checkHeader(found, input);
				header = found;
				// A repeated column name reads as its last occurrence, as a keyed row did.
				columns = Object.fromEntries(format.columnNames.map(column => [column, found.lastIndexOf(column)])) as Record<Column, number>;
				continue;
			}
			if (fields.length !== header.length) {
				throw new ListFormatError(
					`${input.inputName}: expected ${header.length} columns (${format.label}, as its header says${format.widthNote}) but line ${line} has ${fields.length}; ${format.widthAdvice}`,
				);
			}
			const entity = format.entity(fields, columns!, interner);
			if (entity) emit(entity);
			else input.warnings.push(`${input.inputName}: line ${line} has no name; skipped it`);
		}
	}
	if (header === null) throw new ListFormatError(`${input.inputName}: no CSV rows found; ${format.emptyAdvice}`);
}

/** The row's value in a column, undefined when the header lacks the column. */
export function field<Column extends string>(fields: string[], columns: Record<Column, number>, column: Column): string | undefined {
	const index = columns[column];
	return index < 0 ? undefined : fields[index];
}
