// Rows of the List entries view: screening-list entries fetched from sources.
import type {ScreeningEntity} from '../records/index.js';
import type {Column, TableSpec} from './column.js';

export type EntryRow = ScreeningEntity & {source: string};

const columns: Column<EntryRow>[] = [
	{key: 'name', label: 'Name', value: row => row.name, priority: 0, minWidth: 12, maxWidth: 34, grow: true},
	{key: 'type', label: 'Type', value: row => row.type, priority: 3, minWidth: 6, maxWidth: 8},
	{key: 'list', label: 'List', value: row => row.list, priority: 0, minWidth: 8, maxWidth: 26},
	{
		key: 'programs',
		label: 'Programs',
		aliases: ['program', 'programme'],
		value: row => row.programs,
		priority: 2,
		minWidth: 6,
		maxWidth: 16,
	},
	{
		key: 'countries',
		label: 'Ctry',
		aliases: ['country', 'jurisdiction'],
		value: row => row.countries,
		priority: 1,
		minWidth: 4,
		maxWidth: 12,
	},
	{key: 'listed', label: 'Listed', aliases: ['listedon', 'date'], value: row => row.listedOn, priority: 4, minWidth: 10, maxWidth: 10},
	{key: 'source', label: 'Source', value: row => row.source, priority: 5, minWidth: 6, maxWidth: 14},
	{key: 'alias', label: 'Aliases', aliases: ['aliases'], hidden: true, value: row => row.aliases, priority: 9, minWidth: 0, maxWidth: 0},
	{key: 'id', label: 'Id', hidden: true, value: row => row.id, priority: 9, minWidth: 0, maxWidth: 0},
	{key: 'remarks', label: 'Remarks', hidden: true, value: row => row.remarks, priority: 9, minWidth: 0, maxWidth: 0},
	{
		key: 'address',
		label: 'Addresses',
		aliases: ['addresses'],
		hidden: true,
		value: row => row.addresses,
		priority: 9,
		minWidth: 0,
		maxWidth: 0,
	},
	{
		key: 'notice',
		label: 'FR notice',
		aliases: ['fr'],
		hidden: true,
		value: row => row.federalRegisterNotice,
		priority: 9,
		minWidth: 0,
		maxWidth: 0,
	},
];

export const entryTable: TableSpec<EntryRow> = {name: 'List entries', columns, defaultSort: {column: 'name', descending: false}};
