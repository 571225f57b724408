import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build, type Plugin} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
import {yogaWithoutFetch} from '../../source/build/plugins.mjs';
import {repositoryRoot} from '../helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'vendor-risk-yoga-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

// A fetch that only records that it was asked: yoga must still lay out a node.
writeFileSync(join(folder, 'record-fetch.mjs'), 'globalThis.fetched = false; globalThis.fetch = async () => { globalThis.fetched = true; throw new Error("no fetch here"); };\n');
writeFileSync(join(folder, 'entry.mjs'), `import './record-fetch.mjs';
import Yoga from 'yoga-layout';
const node = Yoga.Node.create();
node.setWidth(12);
node.calculateLayout();
console.log(JSON.stringify({fetched: globalThis.fetched, width: node.getComputedWidth()}));
`);

async function runYogaBuiltWith(plugins: Plugin[]): Promise<{fetched: boolean; width: number}> {
	const outfile = join(folder, `yoga-${plugins.length}.mjs`);
	await build({entryPoints: [join(folder, 'entry.mjs')], outfile, bundle: true, format: 'esm', platform: 'node', nodePaths: [join(repositoryRoot, 'node_modules')], plugins, logLevel: 'silent'});
	const child = spawnSync(process.execPath, [outfile], {encoding: 'utf8'});
	expect(child.stderr).toBe('');
	return JSON.parse(child.stdout) as {fetched: boolean; width: number};
}

describe('yoga-layout in the bundle', () => {
	it('loads its WebAssembly without fetch and lays out as before', async () => {
		expect(await runYogaBuiltWith([yogaWithoutFetch])).toEqual({fetched: false, width: 12});
	});

	it('fetches its own embedded WebAssembly without the patch (the start-up cost the patch removes)', async () => {
		expect(await runYogaBuiltWith([])).toEqual({fetched: true, width: 12});
	});
});
