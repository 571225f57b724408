// The app's own files are replaced whole: a reader sees the old file or the new one,
// never half of one, whatever else runs beside the writer.
import {randomUUID} from 'node:crypto';
import {renameSync, rmSync, writeFileSync} from 'node:fs';

/**
 * Writes `data` to `path` (readable by the user alone) through a temporary file of this write's own, renamed
 * over it: two runs writing at once each write a whole file, and the last rename wins. A failed write leaves
 * no temporary file behind and throws.
 */
export function writeWhole(path: string, data: string | Uint8Array): void {
	const temporary = `${path}.${process.pid}-${randomUUID()}.tmp`;
	try {
		writeFileSync(temporary, data, {mode: 0o600});
		renameSync(temporary, path);
	} catch (error) {
		rmSync(temporary, {force: true});
		throw error;
	}
}
