// Diffs between snapshots: matched by entry id, changed fields named, order and duplicates handled.
import {createHash} from 'node:crypto';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {canonicalEntity, diffSnapshots, entryHash, readSnapshot, writeSnapshot} from '../../source/changes/index.js';
import {tempHome} from '../sources/fetch/helpers.js';
import {entity} from './helpers.js';

let home: ReturnType<typeof tempHome>;
beforeEach(() => {
	home = tempHome();
});
afterEach(() => home.cleanup());

/** Writes two versions of a list as snapshots and diffs them as stored. */
function diffOf(before: ReturnType<typeof entity>[], after: ReturnType<typeof entity>[]) {
	const a = writeSnapshot('EL', before, {env: home.env, fetchedAt: '2026-11-01T09:00:00.000Z'});
	const b = writeSnapshot('EL', after, {env: home.env, fetchedAt: '2026-11-02T09:00:00.000Z'});
	return diffSnapshots(readSnapshot(a.snapshot.id, home.env), readSnapshot(b.snapshot.id, home.env));
}

describe('diffSnapshots', () => {
	test('reports added, removed and changed entries with the fields that changed', () => {
		const kept = entity('1', 'Kept Trading Co');
		const diff = diffOf(
			[kept, entity('2', 'Gone Industries'), entity('3', 'Edited Ltd', {programs: ['CMIC-EO13959'], addresses: ['Beijing, CN']})],
			[
				kept,
				entity('3', 'Edited Limited', {programs: ['CMIC-EO13959', 'NS-CMIC-EO13959'], addresses: ['Beijing, CN']}),
				entity('4', 'New Arrival GmbH'),
			],
		);
		expect(diff.added.map(({id, name}) => ({id, name}))).toEqual([{id: '4', name: 'New Arrival GmbH'}]);
		expect(diff.removed.map(({id, name}) => ({id, name}))).toEqual([{id: '2', name: 'Gone Industries'}]);
		expect(diff.changed.map(({id, name, fields}) => ({id, name, fields}))).toEqual([
			{id: '3', name: 'Edited Limited', fields: ['name', 'programs']},
		]);
		expect(diff.changed[0]!.previous.name).toBe('Edited Ltd');
	});

	test('names every ScreeningEntity field that can change', () => {
		const before = entity('9', 'Every Field Co');
		const after = entity('9', 'Every Field Company', {
			aliases: ['EFC'],
			type: 'person',
			addresses: ['1 Road, Minsk, BY'],
			countries: ['BY'],
			list: 'SDN',
			programs: ['BELARUS'],
			listedOn: '2026-01-02',
			federalRegisterNotice: '91 FR 1',
			remarks: 'updated',
			sourceUrls: ['https://example.org/1'],
			identifiers: ['Tax ID: 1'],
		});
		expect(diffOf([before], [after]).changed[0]!.fields).toEqual([
			'name',
			'aliases',
			'type',
			'addresses',
			'countries',
			'list',
			'programs',
			'listedOn',
			'federalRegisterNotice',
			'remarks',
			'sourceUrls',
			'identifiers',
		]);
	});

	test('a list that only reorders aliases or entries has not changed', () => {
		const first = [entity('1', 'Alpha', {aliases: ['A1', 'A2']}), entity('2', 'Beta')];
		const second = [entity('2', 'Beta'), entity('1', 'Alpha', {aliases: ['A2', 'A1']})];
		expect(entryHash(first[0]!)).toBe(entryHash(second[1]!));
		expect(diffOf(first, second)).toEqual({added: [], removed: [], changed: []});
	});

	test('an entry hash is sha256 of the canonical content as JSON with its keys sorted, as snapshots already kept have it', () => {
		const item = entity('9', 'Ünïcode Trading', {aliases: ['B', 'A'], remarks: 'line\nbreak', programs: ['SDGT'], listedOn: '2026-01-02'});
		const {id: _id, ...content} = canonicalEntity(item);
		const sorted = Object.fromEntries(Object.entries(content).sort(([a], [b]) => (a < b ? -1 : 1)));
		expect(entryHash(item)).toBe(createHash('sha256').update(JSON.stringify(sorted)).digest('hex'));
	});

	test('works on snapshots held in memory, with the older one first', () => {
		const record = (id: string, name: string) => ({id, hash: entryHash(entity(id, name)), entity: entity(id, name)});
		const diff = diffSnapshots({entries: [record('1', 'Old Name')]}, {entries: [record('1', 'New Name')]});
		expect(diff.changed.map(change => change.fields)).toEqual([['name']]);
	});

	test('an id listed twice with different content keeps both entries under stable ids', () => {
		const written = writeSnapshot('EL', [entity('7', 'Twin One'), entity('7', 'Twin Two'), entity('7', 'Twin One')], {
			env: home.env,
			fetchedAt: '2026-11-01T09:00:00.000Z',
		});
		const ids = readSnapshot(written.snapshot.id, home.env).entries.map(entry => entry.id);
		expect(ids).toHaveLength(2);
		expect(ids[0]).toBe('7');
		expect(ids[1]).toMatch(/^7#[\da-f]{8}$/);
	});
});
