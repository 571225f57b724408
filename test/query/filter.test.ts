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
		fc.assert(
			fc.property(fc.string(), text => {
				const compiled = compileFilter(parseFilter(text), fields);
				rows.forEach(compiled.test);
			}),
			{numRuns: 2000},
		);
	});
	it('knows when a longer query only narrows the previous one', () => {
		expect(isNarrowing(parseFilter('hu'), parseFilter('hua'))).toBe(true);
		expect(isNarrowing(parseFilter('hu'), parseFilter('hu cn'))).toBe(true);
		expect(isNarrowing(parseFilter('!h'), parseFilter('!hu'))).toBe(false);
		expect(isNarrowing(parseFilter('Hu'), parseFilter('hu'))).toBe(false);
	});
	it('gives the same rows whether it narrows incrementally or filters from scratch', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 6}), fc.string({maxLength: 3}), (start, more) => {
				const first = applyQuery(rows, start, null, fields);
				const incremental = applyQuery(rows, start + more, null, fields, first);
				const scratch = applyQuery(rows, start + more, null, fields);
				expect(incremental.rows.map(row => row.id)).toEqual(scratch.rows.map(row => row.id));
			}),
			{numRuns: 1000},
		);
	});
	it('gives the same rows as from scratch at every keystroke, negated terms typed further included', () => {
		const many: Row[] = Array.from({length: 3000}, (_, index) => ({
			id: String(index),
			name: `Vendor ${index.toString(3).replaceAll('0', 'a').replaceAll('1', 'b').replaceAll('2', 'ab')}`,
			hq: ['CN', 'RU', 'ab'][index % 3]!,
			status: index % 2 ? 'active' : 'ended',
			aliases: [],
		}));
		const query = fc.array(fc.constantFrom('a', 'b', 'A', ' ', '!', 'hq:', '!hq:', 'vendor'), {minLength: 1, maxLength: 8});
		fc.assert(
			fc.property(query, parts => {
				const text = parts.join('');
				let previous = applyQuery(many, '', null, fields);
				for (let length = 1; length <= text.length; length++) {
					previous = applyQuery(many, text.slice(0, length), null, fields, previous);
					expect(previous.rows.map(row => row.id)).toEqual(applyQuery(many, text.slice(0, length), null, fields).rows.map(row => row.id));
				}
			}),
			{numRuns: 200},
		);
	});
	it('searches a negated term typed further only among the rows the other terms keep', () => {
		const first = applyQuery(rows, 'cn !h', null, fields);
		const next = applyQuery(rows, 'cn !hu', null, fields, first);
		expect(next.rows.map(row => row.id)).toEqual(['c', 'd']);
		// The rows "cn" keeps are the same array, not searched for again.
		expect(next.positiveRanks).toBe(first.positiveRanks);
		expect(applyQuery(rows, 'cn !hua z', null, fields, next).positiveRanks).not.toBe(first.positiveRanks);
	});
	it('finds a field term in the right cell after a cell that lower-cases longer (İ)', () => {
		const turkish: Row[] = [{id: 't', name: 'İİİ Holdings', hq: 'TR', status: 'active', aliases: []}];
		expect(turkish.filter(compileFilter(parseFilter('hq:tr'), fields).test).map(row => row.id)).toEqual(['t']);
		expect(turkish.filter(compileFilter(parseFilter('hq:gs'), fields).test)).toEqual([]);
		expect(applyQuery(turkish, 'hq:tr', null, fields).rows.map(row => row.id)).toEqual(['t']);
	});
	it('gives the same rows, in sorted order, whatever filters came before', () => {
		const sort = {column: 'name', descending: true};
		fc.assert(
			fc.property(fc.array(fc.string({maxLength: 5}), {minLength: 1, maxLength: 5}), texts => {
				let previous = applyQuery(rows, '', sort, fields);
				for (const text of texts) {
					previous = applyQuery(rows, text, sort, fields, previous);
					expect(previous.rows.map(row => row.id)).toEqual(applyQuery([...rows], text, sort, fields).rows.map(row => row.id));
				}
			}),
			{numRuns: 500},
		);
	});
	it('finds the same rows searching all rows at once as searching each row alone', () => {
		const text = fc.string({maxLength: 6, unit: fc.constantFrom('a', 'b', 'A', 'İ', 'i', ' ', '\u0001', '\u0002')});
		const row = fc.record({id: fc.string({maxLength: 2}), name: text, hq: text, status: text, aliases: fc.array(text, {maxLength: 2})});
		const query = fc.array(
			fc.tuple(
				fc.constantFrom('', '!', 'name:', 'hq:', '!alias:'),
				fc.string({maxLength: 3, unit: fc.constantFrom('a', 'b', 'A', 'İ', 'i', '\u0001')}),
			),
			{minLength: 1, maxLength: 3},
		);
		fc.assert(
			fc.property(fc.array(row, {maxLength: 60}), query, (many, terms) => {
				const texts = terms.map(([prefix, value]) => `${prefix}"${value}"`);
				const expected = many.filter(compileFilter(parseFilter(texts.join(' ')), fields).test);
				expect(applyQuery(many, texts.join(' '), null, fields).rows).toEqual(expected);
				// Narrowing the rows of the first term: few candidates are searched one by one.
				const first = applyQuery(many, texts[0]!, null, fields);
				expect(applyQuery(many, texts.join(' '), null, fields, first).rows).toEqual(expected);
			}),
			{numRuns: 500},
		);
	});
	it('finds rows across a table of thousands, where rows are searched in blocks', () => {
		const countries = ['CN', 'RU', 'İR'];
		const many: Row[] = Array.from({length: 5000}, (_, index) => ({
			id: String(index),
			name: `Vendor ${index}`,
			hq: countries[index % 3]!,
			status: 'active',
			aliases: [],
		}));
		for (const text of ['hq:İR', 'hq:RU 2047', 'vendor 2048', '!hq:cn 499', 'name:4999']) {
			const expected = many.filter(compileFilter(parseFilter(text), fields).test).map(row => row.id);
			expect(expected.length).toBeGreaterThan(0);
			expect(applyQuery(many, text, null, fields).rows.map(row => row.id)).toEqual(expected);
		}
	});
	it('tells where each row is shown, or that the filter leaves it out', () => {
		fc.assert(
			fc.property(
				fc.string({maxLength: 4}),
				fc.constantFrom(null, {column: 'name', descending: false}, {column: 'hq', descending: true}),
				(text, sort) => {
					const result = applyQuery(rows, text, sort, fields);
					rows.forEach((row, position) => expect(result.positionOfSource(position)).toBe(result.rows.indexOf(row)));
				},
			),
			{numRuns: 300},
		);
	});
	it('sorts by a column and keeps empty values last in both directions', () => {
		const withEmpty = [...rows, {id: 'e', name: '', hq: '', status: '', aliases: []}];
		expect(applyQuery(withEmpty, '', {column: 'name', descending: false}, fields).rows.map(row => row.id)).toEqual([
			'd',
			'b',
			'a',
			'c',
			'e',
		]);
		expect(applyQuery(withEmpty, '', {column: 'name', descending: true}, fields).rows.map(row => row.id)).toEqual([
			'c',
			'a',
			'b',
			'd',
			'e',
		]);
	});
});
