// CSV reading and lean entities: errors name the line, empty lists are shared,
// content ids are stable, and UTF-8 is checked across read chunks.
import {describe, expect, it} from 'vitest';
import {makeEntity, noValues} from '../../../source/sources/parsers/entity-fields.js';
import {parseListFile} from '../../../source/sources/parsers/index.js';
import {textStream} from '../../../source/sources/parsers/text-input.js';
import {scratchFiles} from './helpers.js';

describe('CSV errors name the line', () => {
	const header =
		'"id","schema","name","aliases","birth_date","countries","addresses","identifiers","sanctions","phones","emails","dataset","first_seen","last_seen","last_change"';
	const row = (name: string) => `"e1","Company",${name},"","","ru","","","","","","Test","","",""`;

	it('a quote inside an unquoted field', async () => {
		const path = scratchFiles({'targets.simple.csv': `${header}\n${row('AC"ME')}\n`});
		await expect(parseListFile(path)).rejects.toThrow(
			/targets\.simple\.csv: a misplaced quote \(line 2\) breaks the OpenSanctions targets\.simple\.csv layout/,
		);
	});

	it('text straight after a closing quote', async () => {
		const path = scratchFiles({'targets.simple.csv': `${header}\n${row('"ACME"x')}\n`});
		await expect(parseListFile(path)).rejects.toThrow(/: a misplaced quote \(line 2\)/);
	});

	it('counts lines right through many read chunks and quoted line breaks', async () => {
		// 3,000 rows of two lines each (a line break inside the quoted name) span several 64 KiB reads.
		const rows = Array.from({length: 3000}, (_, index) =>
			row(`"ACME ${index}\nHoldings ${'x'.repeat(40)}"`).replace('"e1"', `"e${index}"`),
		);
		const nameless = row('""').replace('"e1"', '"nameless"');
		const path = scratchFiles({'targets.simple.csv': `${header}\n${rows.join('\n')}\n${nameless}\n"short","row"\n`});
		const lastRowLine = 1 + 3000 * 2;
		await expect(parseListFile(path, {inputName: 'targets.simple.csv'})).rejects.toThrow(`but line ${lastRowLine + 2} has 2`);
		const withoutShortRow = scratchFiles({'targets.simple.csv': `${header}\n${rows.join('\n')}\n${nameless}\n`});
		const parsed = await parseListFile(withoutShortRow, {inputName: 'targets.simple.csv'});
		expect(parsed.entities).toHaveLength(3000);
		expect(parsed.entities[2999]!.name).toBe(`ACME 2999 Holdings ${'x'.repeat(40)}`);
		expect(parsed.warnings).toEqual([`targets.simple.csv: line ${lastRowLine + 1} has no name; skipped it`]);
	});

	it('keeps a character whose UTF-8 bytes a read chunk cuts in two', async () => {
		const head = `${header}\n"e1","Company","`;
		// The euro sign's three bytes start one byte before the first 64 KiB read ends.
		const name = `${'a'.repeat(64 * 1024 - Buffer.byteLength(head) - 1)}€ Ltd`;
		const path = scratchFiles({'targets.simple.csv': `${head}${name}","","","ru","","","","","","Test","","",""\n`});
		const parsed = await parseListFile(path);
		expect(parsed.entities[0]!.name).toBe(name);
		expect(parsed.warnings).toEqual([]);
	});
});

describe('lean entities', () => {
	it('share one frozen empty list', () => {
		const one = makeEntity('a', {name: 'A', type: 'entity', list: 'L', aliases: []});
		const two = makeEntity('b', {name: 'B', type: 'entity', list: 'L', aliases: ['B']});
		expect(one.aliases).toBe(noValues);
		expect(two.aliases).toBe(noValues);
		expect(one.programs).toBe(noValues);
		expect(() => (one.aliases as string[]).push('x')).toThrow();
	});

	it('keep the content hash id an entity without a list id had before', () => {
		const entity = makeEntity(null, {name: 'ACME', type: 'entity', list: 'L', countries: ['RU']});
		expect(entity.id).toBe('sha256:939f0dc71bb65329c59c52062f9d358ab0d1d8f4f83e40092c026e71786c811e');
	});
});

describe('UTF-8 checks across read chunks', () => {
	const chunk = 64 * 1024;
	const warningsOf = async (bytes: Buffer) => {
		const input = {path: scratchFiles({'x.csv': bytes}), inputName: 'x.csv', encoding: 'utf-8' as const, warnings: [] as string[]};
		let text = '';
		for await (const piece of textStream(input)) text += piece as string;
		return {text, warnings: input.warnings};
	};

	it('a character cut by a chunk boundary is not invalid', async () => {
		const bytes = Buffer.concat([Buffer.alloc(chunk - 1, 0x61), Buffer.from('€', 'utf8'), Buffer.alloc(10, 0x61)]);
		const {text, warnings} = await warningsOf(bytes);
		expect(warnings).toEqual([]);
		expect(text).toContain('a€a');
	});

	it('a bad byte at a chunk boundary is noticed', async () => {
		const bytes = Buffer.concat([Buffer.alloc(chunk - 1, 0x61), Buffer.from([0xe2, 0x82]), Buffer.alloc(10, 0x61)]);
		const {warnings} = await warningsOf(bytes);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(/not valid UTF-8 \(at or after byte 65535\)/);
	});
});
