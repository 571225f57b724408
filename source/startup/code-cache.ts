// Runs a CommonJS script through V8's code cache: the code compiled for one
// start is kept in the user's cache folder, and the next start deserialises it
// instead of parsing and compiling again. Node 20 offers no such cache for ES
// modules (22 has module.enableCompileCache), hence a script.
import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import Module, {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import vm from 'node:vm';

/** Where a script's cache lives: `<folder>/<name>-<key>-<node>-<arch>.cache`, so another build or Node never reads it. */
export type CacheLocation = {folder: string; name: string; key: string};

type Unsaved = {script: vm.Script; location: CacheLocation};
const unsaved: Unsaved[] = [];

const digestLength = 32;
const digest = (data: Uint8Array) => createHash('sha256').update(data).digest();
const fileName = ({name, key}: CacheLocation) => `${name}-${key}-${process.version}-${process.arch}.cache`;

/**
 * V8 checks a cache's version, flags and length but, in release builds, not
 * its bytes: a file that was cut short or damaged must never reach it. Each
 * file starts with the SHA-256 of the data after it.
 */
function readCache(location: CacheLocation): Buffer | undefined {
	try {
		const file = readFileSync(join(location.folder, fileName(location)));
		const data = file.subarray(digestLength);
		return data.length > 0 && digest(data).equals(file.subarray(0, digestLength)) ? data : undefined;
	} catch {
		return undefined;
	}
}

/** Runs the CommonJS script at `path` and returns its exports; without a usable cache, one is written by saveCodeCaches(). */
export function runWithCodeCache(path: string, location: CacheLocation): unknown {
	const cachedData = readCache(location);
	const script = new vm.Script(Module.wrap(readFileSync(path, 'utf8')), {filename: path, cachedData});
	if (cachedData === undefined || script.cachedDataRejected === true) unsaved.push({script, location});
	const module = {exports: {}};
	(script.runInThisContext() as (...parameters: unknown[]) => void)(module.exports, createRequire(path), module, path, dirname(path));
	return module.exports;
}

/**
 * Writes the caches the scripts run so far lacked, with everything compiled up
 * to now (call it once the first frame is out), and returns how many it wrote.
 * A cache is only a speed-up: a folder that cannot be written is left alone.
 */
export function saveCodeCaches(): number {
	let written = 0;
	for (const {script, location} of unsaved.splice(0)) {
		try {
			const data = script.createCachedData();
			const name = fileName(location);
			const temporary = join(location.folder, `${name}.${process.pid}.tmp`);
			mkdirSync(location.folder, {recursive: true});
			writeFileSync(temporary, Buffer.concat([digest(data), data]));
			// A rename replaces the file whole, so a start running beside this one reads the old cache or the new, never half of one.
			renameSync(temporary, join(location.folder, name));
			written += 1;
			// Other builds' caches, and files of writes cut short (a start killed mid-save): a writer running beside this one just fails its rename.
			for (const other of readdirSync(location.folder)) {
				if (other !== name && other.startsWith(`${location.name}-`)) rmSync(join(location.folder, other), {force: true});
			}
		} catch {
			// Read-only or full: the next start compiles again.
		}
	}
	return written;
}
