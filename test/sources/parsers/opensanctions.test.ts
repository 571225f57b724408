import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {ScreeningEntity} from '../../../source/records/index.js';
import {ListFormatError, parseListFile, parseListInto} from '../../../source/sources/parsers/index.js';
import {entitiesOfEachRowAlone, expectOneFrozenList, fixture, scratchFiles} from './helpers.js';

describe('OpenSanctions FollowTheMoney lines', () => {
	it('keeps the six targets of t1 and drops its Address entity', async () => {
		const parsed = await parseListFile(fixture('opensanctions-ftm/yente_t1_eu_fsf_entities.ftm.json'));
		expect(parsed.format).toBe('opensanctions-ftm');
		expect(parsed.entities).toHaveLength(6);
	});

	it('reads the last line although it has no newline', async () => {
		const {entities} = await parseListFile(fixture('opensanctions-ftm/yente_t1_eu_fsf_entities.ftm.json'));
		expect(entities.at(-1)).toMatchObject({id: 'NK-2PacmNpiLUmoz4XD2mSt7A', name: 'IRGC', listedOn: '2012-03-24'});
	});

	it('keeps people and skips Family, Occupancy and Position relations', async () => {
		const {entities} = await parseListFile(fixture('opensanctions-ftm/sa_wiki_peps_entities.ftm.json'));
		expect(entities).toHaveLength(607);
		expect(entities.every(entity => entity.type === 'person')).toBe(true);
	});

	it('reads targets.nested.json and ignores the inlined related entities', async () => {
		const {entities} = await parseListFile(fixture('opensanctions-ftm/sa_wiki_peps_targets.nested.json'));
		expect(entities).toHaveLength(5);
		const hariri = entities.find(entity => entity.id === 'Q296771')!;
		expect(hariri).toMatchObject({name: 'Saad Hariri', type: 'person', countries: ['LB', 'FR', 'SA'], list: 'wd_persons'});
		expect(hariri.aliases).toContain("Sa'd al-Din");
	});

	it('upper-cases country codes and takes the listing date from createdAt', async () => {
		const {entities} = await parseListFile(fixture('opensanctions-ftm/yente_t1_eu_fsf_entities.ftm.json'));
		expect(entities.find(entity => entity.id === 'NK-2GdmHtZTeNXjNVrBGEXZNj')).toMatchObject({
			name: 'RAB „Inter Tobacco“',
			type: 'entity',
			countries: ['BY'],
			list: 'eu_fsf',
			listedOn: '2022-06-03',
			identifiers: ['registrationNumber: 808000714'],
		});
	});

	it('fills addresses from Address entities that come later in the file', async () => {
		const lines = [
			{id: 'c1', caption: 'ACME', schema: 'Company', properties: {name: ['ACME'], addressEntity: ['addr-1']}, target: true},
			{id: 'addr-1', caption: '1 Main St', schema: 'Address', properties: {full: ['1 Main St, Springfield']}},
		];
		const path = scratchFiles({'e.ftm.json': lines.map(line => JSON.stringify(line)).join('\n')});
		const {entities} = await parseListFile(path);
		expect(entities).toHaveLength(1);
		expect(entities[0]!.addresses).toEqual(['1 Main St, Springfield']);
	});

	it('finds an Address whose schema is written with an escape, though it comes later', async () => {
		const company = {id: 'c1', caption: 'ACME', schema: 'Company', properties: {name: ['ACME'], addressEntity: ['addr-1']}, target: true};
		const address = String.raw`{"id":"addr-1","schema":"Addr\u0065ss","properties":{"full":["1 Main St, Springfield"]}}`;
		const {entities} = await parseListFile(scratchFiles({'e.ftm.json': `${JSON.stringify(company)}\n${address}\n`}));
		expect(entities[0]!.addresses).toEqual(['1 Main St, Springfield']);
	});

	it('warns once of bytes that are not UTF-8, though it reads the file twice', async () => {
		const line = (id: string, name: string) =>
			Buffer.from(`${JSON.stringify({id, caption: name, schema: 'Company', properties: {name: [name]}, target: true})}\n`);
		const bytes = Buffer.concat([line('c1', 'ACME'), line('c2', 'BAD ?'), line('c3', 'OTHER')]);
		bytes[bytes.indexOf('?')] = 0xff;
		const parsed = await parseListFile(scratchFiles({'e.ftm.json': bytes}));
		expect(parsed.entities.map(entity => entity.name)).toEqual(['ACME', 'BAD \uFFFD', 'OTHER']);
		expect(parsed.warnings).toHaveLength(1);
		expect(parsed.warnings[0]).toMatch(/not valid UTF-8/);
	});

	it('hands each kept entity on as its line is read: a broken line comes after the entities before it', async () => {
		const fixtureText = readFileSync(fixture('opensanctions-ftm/sa_wiki_peps_entities.ftm.json'), 'utf8');
		const path = scratchFiles({'e.ftm.json': `${fixtureText}{"id": "cut short\n`});
		const handedOn: ScreeningEntity[] = [];
		const parsing = parseListInto(path, {}, entity => handedOn.push(entity));
		await expect(parsing).rejects.toThrow(ListFormatError);
		await expect(parsing).rejects.toThrow(/line 1566 is not valid JSON/);
		expect(handedOn).toEqual((await parseListFile(fixture('opensanctions-ftm/sa_wiki_peps_entities.ftm.json'))).entities);
	});

	it('counts a country once whatever its case', async () => {
		const line = {
			id: 'c1',
			caption: 'ACME',
			schema: 'Company',
			properties: {name: ['ACME'], country: ['ru', 'RU'], jurisdiction: ['de']},
			target: true,
		};
		const {entities} = await parseListFile(scratchFiles({'e.ftm.json': JSON.stringify(line)}));
		expect(entities[0]!.countries).toEqual(['RU', 'DE']);
	});
});

describe('OpenSanctions targets.simple.csv', () => {
	it('reads every row', async () => {
		const parsed = await parseListFile(fixture('opensanctions-targets-simple-csv/sa_wiki_peps_targets.simple.csv'));
		expect(parsed.format).toBe('opensanctions-csv');
		expect(parsed.entities).toHaveLength(20);
	});

	it('splits aliases and countries on ";" and names the dataset as the list', async () => {
		const {entities} = await parseListFile(fixture('opensanctions-targets-simple-csv/sa_wiki_peps_targets.simple.csv'));
		const hariri = entities.find(entity => entity.id === 'Q296771')!;
		expect(hariri).toMatchObject({
			name: 'Saad Hariri',
			type: 'person',
			countries: ['FR', 'LB', 'SA'],
			list: 'Wikidata Politically Exposed Persons',
			identifiers: ['Q296771'],
		});
		expect(hariri.aliases).toContain('Saad al-Hariri');
	});

	it('reads each row as it reads that row alone, and rows with the same countries share one frozen list', async () => {
		const path = fixture('opensanctions-targets-simple-csv/sa_wiki_peps_targets.simple.csv');
		const {entities} = await parseListFile(path);
		expect(entities).toEqual(await entitiesOfEachRowAlone(path));
		expectOneFrozenList(entities.filter(entity => entity.countries.join() === 'SA').map(entity => entity.countries));
	});

	it('counts a country once whatever its case', async () => {
		const header =
			'"id","schema","name","aliases","birth_date","countries","addresses","identifiers","sanctions","phones","emails","dataset","first_seen","last_seen","last_change"';
		const path = scratchFiles({'targets.simple.csv': `${header}\n"x1","Company","ACME","","","ru;RU;de","","","","","","Test","","",""\n`});
		const {entities} = await parseListFile(path);
		expect(entities[0]!.countries).toEqual(['RU', 'DE']);
	});
});
