import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {applyQuery, compileFilter, isNarrowing, parseFilter, type FilterField} from '../../source/query/index.js';

type Row = {id: string; name: string; hq: string; status: string; aliases: string[]};
const rows: Row[] = [
	{id: 'a', name: 'Kaspersky', hq: 'RU', status: 'active', aliases: ['Лаборатория Касперского']},
	{id: 'b', name: 'Huawei', hq: 'CN', status: 'active', aliases: ['HiSilicon']},
	{id: 'c', name: 'ZTE', hq: 'CN', status: 'ended', aliases: []},
	{id: 'd', name: 'Hikvision Entity List', hq: 'CN', status: 'upcoming', aliases: []},
];
const fields: FilterField<Row>[] = [
	{key: 'name', value: row => row.name},
	{key: 'hq', aliases: ['jurisdiction'], value: row => row.hq},
	{key: 'status', value: row => row.status},
	{key: 'alias', value: row => row.aliases},
];
const ids = (text: string) => rows.filter(compileFilter(parseFilter(text), fields).test).map(row => row.id);

describe('the filter language', () => {
	it('matches substrings case-insensitively when the query has no capital', () => {
		expect(ids('hua')).toEqual(['b']);
	});
	it('matches case-sensitively when the query has a capital (smart case)', () => {
		expect(ids('Zte')).toEqual([]);
		expect(ids('ZTE')).toEqual(['c']);
	});
	it('ANDs space-separated terms', () => {
		expect(ids('cn active')).toEqual(['b']);
	});
	it('negates a term with !', () => {
		expect(ids('cn !ended')).toEqual(['b', 'd']);
	});
	it('matches one column with field:value, through an alias name too', () => {
		expect(ids('jurisdiction:CN status:active')).toEqual(['b']);
		expect(ids('hq:ru')).toEqual(['a']);
	});
	it('takes quoted values with spaces', () => {
		expect(ids('name:"entity list"')).toEqual(['d']);
	});
	it('matches raw values of list fields, such as aliases', () => {
		expect(ids('alias:касперского')).toEqual(['a']);
	});
	it('reports unknown fields and matches nothing for them', () => {
		const compiled = compileFilter(parseFilter('colour:red'), fields);
		expect(compiled.unknownFields).toEqual(['colour']);
		expect(rows.filter(compiled.test)).toEqual([]);
	});
	it('never throws on any string', () => {
		fc.assert(fc.property(fc.string(), text => {
			const compiled = compileFilter(parseFilter(text), fields);
			rows.forEach(compiled.test);
		}), {numRuns: 2000});
	});
	it('knows when a longer query only narrows the previous one', () => {
		expect(isNarrowing(parseFilter('hu'), parseFilter('hua'))).toBe(true);
		expect(isNarrowing(parseFilter('hu'), parseFilter('hu cn'))).toBe(true);
		expect(isNarrowing(parseFilter('!h'), parseFilter('!hu'))).toBe(false);
		expect(isNarrowing(parseFilter('Hu'), parseFilter('hu'))).toBe(false);
	});
	it('gives the same rows whether it narrows incrementally or filters from scratch', () => {
		fc.assert(fc.property(fc.string({maxLength: 6}), fc.string({maxLength: 3}), (start, more) => {
			const first = applyQuery(rows, start, null, fields);
			const incremental = applyQuery(rows, start + more, null, fields, first);
			const scratch = applyQuery(rows, start + more, null, fields);
			expect(incremental.rows.map(row => row.id)).toEqual(scratch.rows.map(row => row.id));
		}), {numRuns: 1000});
	});
	it('finds a field term in the right cell after a cell that lower-cases longer (İ)', () => {
		const turkish: Row[] = [{id: 't', name: 'İİİ Holdings', hq: 'TR', status: 'active', aliases: []}];
		expect(turkish.filter(compileFilter(parseFilter('hq:tr'), fields).test).map(row => row.id)).toEqual(['t']);
		expect(turkish.filter(compileFilter(parseFilter('hq:gs'), fields).test)).toEqual([]);
		expect(applyQuery(turkish, 'hq:tr', null, fields).rows.map(row => row.id)).toEqual(['t']);
	});
	it('gives the same rows, in sorted order, whatever filters came before', () => {
		const sort = {column: 'name', descending: true};
		fc.assert(fc.property(fc.array(fc.string({maxLength: 5}), {minLength: 1, maxLength: 5}), texts => {
			let previous = applyQuery(rows, '', sort, fields);
			for (const text of texts) {
				previous = applyQuery(rows, text, sort, fields, previous);
				expect(previous.rows.map(row => row.id)).toEqual(applyQuery([...rows], text, sort, fields).rows.map(row => row.id));
			}
		}), {numRuns: 500});
	});
	it('sorts by a column and keeps empty values last in both directions', () => {
		const withEmpty = [...rows, {id: 'e', name: '', hq: '', status: '', aliases: []}];
		expect(applyQuery(withEmpty, '', {column: 'name', descending: false}, fields).rows.map(row => row.id)).toEqual(['d', 'b', 'a', 'c', 'e']);
		expect(applyQuery(withEmpty, '', {column: 'name', descending: true}, fields).rows.map(row => row.id)).toEqual(['c', 'a', 'b', 'd', 'e']);
	});
});
