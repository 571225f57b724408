// Every test's temporary files go under one folder for the run, removed at the
// end, so a suite that forgets to clean up leaves nothing behind in /tmp.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export default function setup(): () => void {
	const previous = process.env.TMPDIR;
	const folder = mkdtempSync(join(tmpdir(), 'vendor-risk-run-'));
	process.env.TMPDIR = folder;
	return () => {
		rmSync(folder, {recursive: true, force: true});
		if (previous === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = previous;
	};
}
