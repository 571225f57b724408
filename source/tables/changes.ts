// Rows of the Changes view: list entries added, removed or changed since the previous fetch.
import type {Column, TableSpec} from './column.js';

export type ChangeRow = {
	id: string;
	kind: 'added' | 'removed' | 'changed';
	source: string;
	entryId: string;
	name: string;
	fields: string[];
	vendors: string[];
};

const kindGlyph = {added: '+ added', removed: '- removed', changed: '~ changed'} as const;

const columns: Column<ChangeRow>[] = [
	{key: 'kind', label: 'Change', value: row => row.kind, display: row => kindGlyph[row.kind], priority: 0, minWidth: 9, maxWidth: 9},
	{key: 'name', label: 'Entry', value: row => row.name, priority: 0, minWidth: 14, maxWidth: 40, grow: true},
	{key: 'source', label: 'Source', value: row => row.source, priority: 2, minWidth: 6, maxWidth: 14},
	{key: 'fields', label: 'Fields', value: row => row.fields, priority: 3, minWidth: 6, maxWidth: 24},
	{key: 'vendors', label: 'Touches', aliases: ['vendor', 'touches'], value: row => row.vendors, priority: 1, minWidth: 8, maxWidth: 30},
	{key: 'id', label: 'Entry id', aliases: ['entry'], hidden: true, value: row => row.entryId, priority: 9, minWidth: 0, maxWidth: 0},
];

export const changeTable: TableSpec<ChangeRow> = {name: 'Changes', columns, defaultSort: null};
