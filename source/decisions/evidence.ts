// Evidence files on disk: each attached file is copied into <data>/evidence/
// under its SHA-256, so the same file attached twice is kept once and a stored
// copy can always be checked against the hash its decision recorded.
import {createHash, randomUUID} from 'node:crypto';
import {constants, createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, statSync} from 'node:fs';
import {copyFile} from 'node:fs/promises';
import {basename, join} from 'node:path';
import {pipeline} from 'node:stream/promises';
import {Transform} from 'node:stream';
import {UserInputError} from '../errors/index.js';
import {sanitizeText} from '../text/index.js';
import type {EvidenceRef} from './model.js';
import type {EvidenceCheck, EvidenceStore} from './store-interface.js';

/** Evidence is a document, not a data set: a cap keeps a mistyped path (a disk image, /dev/zero) out of the store. */
export const maxEvidenceBytes = 100 * 1024 * 1024;

export function fileEvidenceStore(folder: string): EvidenceStore {
	const pathOf = (sha256: string) => join(folder, sha256);
	return {
		async put(file) {
			const stat = statSync(file, {throwIfNoEntry: false});
			if (!stat) throw new UserInputError(`--evidence ${file}: no such file`);
			if (!stat.isFile()) throw new UserInputError(`--evidence ${file}: not a regular file (a folder, device or pipe)`);
			if (stat.size > maxEvidenceBytes)
				throw new UserInputError(`--evidence ${file}: ${stat.size} bytes is more than the ${maxEvidenceBytes} an evidence file may have`);
			mkdirSync(folder, {recursive: true, mode: 0o700});
			const temporary = join(folder, `.incoming-${randomUUID()}`);
			const hash = createHash('sha256');
			let size = 0;
			try {
				await pipeline(
					createReadStream(file),
					new Transform({
						transform(chunk: Buffer, _encoding, done) {
							size += chunk.length;
							if (size > maxEvidenceBytes)
								return done(new UserInputError(`--evidence ${file}: grew past ${maxEvidenceBytes} bytes while read`));
							hash.update(chunk);
							done(null, chunk);
						},
					}),
					createWriteStream(temporary, {mode: 0o600, flags: 'wx'}),
				);
				const sha256 = hash.digest('hex');
				// Content-addressed: an existing copy has these very bytes (check() proves it), so keep it.
				if (statSync(pathOf(sha256), {throwIfNoEntry: false})) rmSync(temporary);
				else renameSync(temporary, pathOf(sha256));
				const name = sanitizeText(basename(file)).slice(0, 500) || 'evidence';
				return {name, size, sha256};
			} catch (error) {
				rmSync(temporary, {force: true});
				throw error;
			}
		},
		async check(ref) {
			return checkFile(pathOf(ref.sha256), ref);
		},
		async copyOut(ref, target) {
			await copyFile(pathOf(ref.sha256), target, constants.COPYFILE_EXCL);
		},
	};
}

async function checkFile(path: string, ref: EvidenceRef): Promise<EvidenceCheck> {
	const stat = statSync(path, {throwIfNoEntry: false});
	if (!stat?.isFile()) return 'missing';
	if (stat.size !== ref.size) return 'changed';
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex') === ref.sha256 ? 'ok' : 'changed';
}
