import {describe, expect, it} from 'vitest';
import {parseListFile} from '../../../source/sources/parsers/index.js';
import {scratchFiles} from './helpers.js';

const simpleHeader =
	'"id","schema","name","aliases","birth_date","countries","addresses","identifiers","sanctions","phones","emails","dataset","first_seen","last_seen","last_change"';
const simpleRow = (id: string, name: string) => `"${id}","Company","${name}","","","ru","","","","","","Test","","",""`;

describe('hostile and unusual input', () => {
	it('shows an ESC byte in a field as the visible ␛ glyph', async () => {
		const path = scratchFiles({'targets.simple.csv': `${simpleHeader}\n${simpleRow('e1', 'ACME\u001B[2J Ltd')}\n`});
		const {entities} = await parseListFile(path);
		expect(entities[0]!.name).toBe('ACME\u241B[2J Ltd');
	});

	it('neutralises bidi overrides in names', async () => {
		const path = scratchFiles({'targets.simple.csv': `${simpleHeader}\n${simpleRow('e1', 'ACME\u202E Ltd')}\n`});
		expect((await parseListFile(path)).entities[0]!.name).toBe('ACME\u27E8U+202E\u27E9 Ltd');
	});

	it('accepts a UTF-8 byte order mark', async () => {
		const path = scratchFiles({'targets.simple.csv': `\uFEFF${simpleHeader}\n${simpleRow('e1', 'ACME')}\n`});
		const parsed = await parseListFile(path);
		expect(parsed.format).toBe('opensanctions-csv');
		expect(parsed.entities.map(entity => entity.id)).toEqual(['e1']);
	});

	it('decodes UTF-16 little-endian with a byte order mark', async () => {
		const text = `${simpleHeader}\r\n${simpleRow('e1', 'Газпром')}\r\n`;
		const path = scratchFiles({'targets.simple.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])});
		expect((await parseListFile(path)).entities[0]!.name).toBe('Газпром');
	});

	it('decodes UTF-16 big-endian with a byte order mark', async () => {
		const text = `${simpleHeader}\n${simpleRow('e1', 'Газпром')}\n`;
		const bigEndian = Buffer.from(text, 'utf16le').swap16();
		const path = scratchFiles({'targets.simple.csv': Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian])});
		expect((await parseListFile(path)).entities[0]!.name).toBe('Газпром');
	});

	it('replaces invalid UTF-8 instead of failing', async () => {
		const path = scratchFiles({
			'targets.simple.csv': Buffer.concat([
				Buffer.from(`${simpleHeader}\n"e1","Company","AC`),
				Buffer.from([0xff, 0xc3]),
				Buffer.from(`ME","","","","","","","","","Test","","",""\n`),
			]),
		});
		expect((await parseListFile(path)).entities[0]!.name).toBe('AC\uFFFD\uFFFDME');
	});

	it('keeps the first of two entries with the same id and warns', async () => {
		const path = scratchFiles({'targets.simple.csv': `${simpleHeader}\n${simpleRow('e1', 'First')}\n${simpleRow('e1', 'Second')}\n`});
		const parsed = await parseListFile(path, {inputName: 'targets.simple.csv'});
		expect(parsed.entities.map(entity => entity.name)).toEqual(['First']);
		expect(parsed.warnings).toEqual(['targets.simple.csv: 1 entry repeats an id (e1); kept the first of each']);
	});

	it('reads OFAC files with LF endings and no trailing Ctrl-Z as well as CRLF ones', async () => {
		const path = scratchFiles({
			'sdn.csv': '1,"ACME, LTD.",-0- ,"SDGT] [IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n',
			'alt.csv': '1,2,"aka","ACME TRADING",-0- \r\n\u001A',
			'add.csv': '1,3,-0- ,"Tehran","Iran",-0- \r\n\u001A',
			'sdn_comments.csv': '\u001A',
		});
		const {entities} = await parseListFile(path);
		expect(entities).toEqual([
			expect.objectContaining({
				id: 'ofac-1',
				name: 'ACME, LTD.',
				aliases: ['ACME TRADING'],
				addresses: ['Tehran, Iran'],
				programs: ['SDGT', 'IRAN'],
				remarks: null,
			}),
		]);
	});
});
