// Paths to the shared real-world fixtures (beside the repository, as ../shared)
// and scratch files for broken inputs.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const fixturesRoot = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));

export function fixture(relativePath: string): string {
	return join(fixturesRoot, relativePath);
}

/** Writes files into a fresh temporary directory and returns the path of the first. */
export function scratchFiles(files: Record<string, string | Uint8Array>): string {
	const directory = mkdtempSync(join(tmpdir(), 'vendor-risk-parsers-'));
	for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
	return join(directory, Object.keys(files)[0]!);
}
