import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {bundleScript} from '../helpers/bundle-script.js';

// Each start is a process of its own, as in use: V8 only reads a code cache when it has not compiled the script already.
const folder = mkdtempSync(join(tmpdir(), 'vendor-risk-code-cache-'));
const script = join(folder, 'script.cjs');
const cacheFolder = join(folder, 'cache');
let runner: string;
beforeAll(async () => {
	runner = await bundleScript(fileURLToPath(new URL('code-cache-runner.ts', import.meta.url)), folder, 'runner.mjs');
});
afterAll(() => rmSync(folder, {recursive: true, force: true}));
beforeEach(() => {
	rmSync(cacheFolder, {recursive: true, force: true});
	writeScript(6);
});

/** A script with functions to compile, answering 7 * `factor`. */
function writeScript(factor: number): void {
	writeFileSync(
		script,
		`const multiply = (a, b) => a * b;\nfunction answer() { return [1, 2, 3].map(n => n).reduce((sum, n) => sum + n, 1) * ${factor}; }\nmodule.exports = {answer: multiply(answer(), 1)};\n`,
	);
}

function start(cache = cacheFolder): {answer: number; written: number} {
	const child = spawnSync(process.execPath, [runner, script, cache], {encoding: 'utf8'});
	expect(child.stderr).toBe('');
	return JSON.parse(child.stdout) as {answer: number; written: number};
}

const cacheFile = () => join(cacheFolder, `fixture-build-1-${process.version}-${process.arch}.cache`);

describe('a script run through the code cache', () => {
	it('writes its cache on the first start and reads it on the next', () => {
		expect(start()).toEqual({answer: 42, written: 1});
		expect(readdirSync(cacheFolder)).toEqual([`fixture-build-1-${process.version}-${process.arch}.cache`]);
		expect(start()).toEqual({answer: 42, written: 0});
	});

	it.each([
		['cut short', (file: Buffer) => file.subarray(0, file.length - 100)],
		['with bytes changed', (file: Buffer) => Buffer.from(file.map((byte, index) => (index > 40 && index % 7 === 0 ? byte ^ 0xff : byte)))],
		['empty', () => Buffer.alloc(0)],
		['not a cache at all', () => Buffer.from('{"hello": "world"}')],
	])('ignores a cache file %s, runs the script as written and replaces the file', (_, damage) => {
		start();
		writeFileSync(cacheFile(), damage(readFileSync(cacheFile())));
		expect(start()).toEqual({answer: 42, written: 1});
		expect(start()).toEqual({answer: 42, written: 0});
	});

	it('replaces a cache V8 rejects: one compiled from another version of the script', () => {
		start();
		writeScript(600);
		expect(start()).toEqual({answer: 4200, written: 1});
		expect(start()).toEqual({answer: 4200, written: 0});
	});

	it("removes other builds' caches of the script and half-written ones when it writes its own, and nothing else", () => {
		start();
		const older = join(cacheFolder, `fixture-build-0-${process.version}-${process.arch}.cache`);
		const halfWritten = join(cacheFolder, `fixture-build-1-${process.version}-${process.arch}.cache.12345.tmp`);
		const unrelated = join(cacheFolder, 'notes.txt');
		writeFileSync(older, readFileSync(cacheFile()));
		writeFileSync(halfWritten, 'cut off');
		writeFileSync(unrelated, 'keep me');
		writeScript(10);
		expect(start()).toEqual({answer: 70, written: 1});
		expect(existsSync(older)).toBe(false);
		expect(existsSync(halfWritten)).toBe(false);
		expect(readFileSync(unrelated, 'utf8')).toBe('keep me');
	});

	it('runs without a cache when the cache folder cannot be written', () => {
		const blocked = join(folder, 'a-file-not-a-folder');
		writeFileSync(blocked, '');
		expect(start(join(blocked, 'cache'))).toEqual({answer: 42, written: 0});
	});
});
