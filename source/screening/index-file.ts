// The lists' candidate index kept on disk between runs. Building it (tokenising
// every name, the token search, the key maps) is a third of a first screening at
// 10,000 vendors against 14,000 entries; a new inventory or threshold screens
// everything again, but over the same lists, so the index is read back instead.
// The file is the index's parts (shared-index.ts): a JSON header naming every
// typed array's place, then the arrays' bytes, each at an offset its type can view.
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {writeWhole} from '../app-home/index.js';
import {sha256Hex} from '../text/index.js';
import type {ScreeningEntity} from '../records/index.js';
import {buildIndex, type CandidateIndex} from './candidate-index.js';
import {objectNames} from './entity-table.js';
import {attachIndex, indexParts, type IndexParts} from './shared-index.js';
import {keyMapNames} from './token-key-maps.js';

/** Changes when the file's layout does; what the index holds is in the key (indexFileKey). */
const fileFormat = 'vendor-risk candidate index 1';

const arrayTypes = {Int32Array, Uint32Array, Float64Array, Uint8Array, Uint16Array} as const;
type ArrayTypeName = keyof typeof arrayTypes;
type AnyArray = InstanceType<(typeof arrayTypes)[ArrayTypeName]>;
type ArrayPlace = {$array: ArrayTypeName; offset: number; length: number};

/**
 * What the index of `entries` depends on: their content and order, the extra statistics names, and the
 * code that tokenises and weighs them (`build`, the bundle's identity). Any change builds it again.
 */
export function indexFileKey(entries: readonly ScreeningEntity[], statisticsNames: readonly string[], build: string): string {
	// One string hashed at once: a third faster than an update per entry, and 14,000 entries make a few MB.
	return sha256Hex(JSON.stringify({fileFormat, build, statisticsNames, entries}));
}

function arrayTypeName(value: unknown): ArrayTypeName | null {
	for (const [name, type] of Object.entries(arrayTypes)) if (value instanceof type) return name as ArrayTypeName;
	return null;
}

/** Writes the parts under `key`, whole or not at all (a temporary file renamed). */
export function writeIndexFile(path: string, key: string, parts: IndexParts): void {
	const arrays: AnyArray[] = [];
	let offset = 0;
	const described = JSON.stringify(parts, (_name, value: unknown) => {
		const type = arrayTypeName(value);
		if (!type) return value;
		const array = value as AnyArray;
		// Every array starts at a multiple of 8 bytes, so any type can view it where it lies.
		const place: ArrayPlace = {$array: type, offset, length: array.length};
		offset += Math.ceil(array.byteLength / 8) * 8;
		arrays.push(array);
		return place;
	});
	const body = Buffer.alloc(offset);
	let at = 0;
	for (const array of arrays) {
		body.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
		at += Math.ceil(array.byteLength / 8) * 8;
	}
	// The body's hash in the header: a damaged array would screen wrongly, not fail, so it is never read.
	const header = `{"fileFormat":${JSON.stringify(fileFormat)},"key":${JSON.stringify(key)},"bodyHash":"${bodyHash(body)}","parts":${described}}`;
	const headerBytes = Buffer.from(header, 'utf8');
	const length = Buffer.alloc(8);
	length.writeUInt32LE(headerBytes.length, 0);
	const padding = Buffer.alloc((8 - ((8 + headerBytes.length) % 8)) % 8);
	writeWhole(path, Buffer.concat([length, headerBytes, padding, body]));
}

const bodyHash = (body: Uint8Array) => createHash('sha256').update(body).digest('hex');

/** The parts kept under `key`, or null when there are none, they were kept under another key, or the file is damaged. */
export function readIndexFile(path: string, key: string): IndexParts | null {
	try {
		const file = readFileSync(path);
		const headerLength = file.readUInt32LE(0);
		const bodyStart = 8 + headerLength + ((8 - ((8 + headerLength) % 8)) % 8);
		// A copy the arrays own, aligned: the file's own buffer may sit at any offset in Node's pool.
		const body = new ArrayBuffer(file.length - bodyStart);
		new Uint8Array(body).set(file.subarray(bodyStart));
		const revived = JSON.parse(file.toString('utf8', 8, 8 + headerLength), (_name, value: unknown) => {
			if (typeof value !== 'object' || value === null || !('$array' in value)) return value;
			const {$array, offset, length} = value as ArrayPlace;
			const type = arrayTypes[$array];
			if (!type || offset + length * type.BYTES_PER_ELEMENT > body.byteLength) throw new Error('an array lies outside the file');
			return new type(body, offset, length);
		}) as {fileFormat: string; key: string; bodyHash: string; parts: IndexParts};
		if (revived.fileFormat !== fileFormat || revived.key !== key || revived.bodyHash !== bodyHash(new Uint8Array(body))) return null;
		return revived.parts;
	} catch {
		return null;
	}
}

export type KeptIndexOptions = {
	/** The file the index is kept in. */
	path: string;
	/** The identity of the code that builds indexes (indexFileKey). */
	build: string;
	statisticsNames?: readonly string[];
	/** Hears that the file could not be written: the index is built again next time, nothing else is lost. */
	onUnwritable?: (error: unknown) => void;
};

/** The index of `entries`: read from the file when it was kept there for the same entries and code, else built and kept. */
export function keptIndex(
	entries: readonly ScreeningEntity[],
	{path, build, statisticsNames = [], onUnwritable}: KeptIndexOptions,
): CandidateIndex {
	const key = indexFileKey(entries, statisticsNames, build);
	const parts = readIndexFile(path, key);
	if (parts) return indexOfParts(parts, entries);
	const index = buildIndex(entries, {statisticsNames});
	try {
		// Every key map, the rarely needed included: the file is written once and read by every screening of these lists.
		writeIndexFile(path, key, indexParts(index, keyMapNames));
	} catch (error) {
		onUnwritable?.(error);
	}
	return index;
}

/** The parts of the index of `entries` kept in the file for them and this code, or null: nothing is built. */
export function keptIndexParts(
	entries: readonly ScreeningEntity[],
	{path, build, statisticsNames = []}: KeptIndexOptions,
): IndexParts | null {
	return readIndexFile(path, indexFileKey(entries, statisticsNames, build));
}

/** The index over kept parts, on a thread that holds the entry objects (their names are read there). */
export function indexOfParts(parts: IndexParts, entries: readonly ScreeningEntity[]): CandidateIndex {
	return {...attachIndex(parts, undefined, objectNames(entries)), entities: entries};
}
