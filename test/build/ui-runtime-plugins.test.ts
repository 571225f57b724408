import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
import {inkWithoutDevtoolsImport, yogaInstantiatedAtLoad} from '../../source/build/plugins.mjs';
import {repositoryRoot} from '../helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'vendor-risk-ui-runtime-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

/** Bundles `source` as a CommonJS script, as ui-runtime.cjs is built, and runs it with `environment`. */
async function runAsScript(
	name: string,
	source: string,
	environment: Record<string, string> = {},
): Promise<{stdout: string; stderr: string}> {
	writeFileSync(join(folder, `${name}.mjs`), source);
	const outfile = join(folder, `${name}.cjs`);
	await build({
		entryPoints: [join(folder, `${name}.mjs`)],
		outfile,
		bundle: true,
		format: 'cjs',
		platform: 'node',
		nodePaths: [join(repositoryRoot, 'node_modules')],
		plugins: [yogaInstantiatedAtLoad, inkWithoutDevtoolsImport],
		logLevel: 'error',
	});
	const child = spawnSync(process.execPath, [outfile], {encoding: 'utf8', env: {...process.env, ...environment}});
	return {stdout: child.stdout, stderr: child.stderr};
}

describe('Ink and yoga-layout built as a script', () => {
	it('lays out with yoga at once, without fetching its WebAssembly or awaiting anything', async () => {
		writeFileSync(join(folder, 'no-fetch.mjs'), "globalThis.fetch = () => { throw new Error('fetched'); };\n");
		const {stdout, stderr} = await runAsScript(
			'yoga',
			`import './no-fetch.mjs';
import Yoga from 'yoga-layout';
const node = Yoga.Node.create();
node.setWidth(12);
node.calculateLayout();
console.log(node.getComputedWidth());
`,
		);
		expect(stderr).toBe('');
		expect(stdout).toBe('12\n');
	});

	it("renders with Ink, and with DEV=true still only prints Ink's hint about the missing React DevTools", async () => {
		const source =
			"import React from 'react';\nimport {renderToString, Text} from 'ink';\nconsole.log(renderToString(React.createElement(Text, null, 'hello')));\n";
		expect(await runAsScript('ink', source)).toEqual({stdout: 'hello\n', stderr: ''});
		const development = await runAsScript('ink-dev', source, {DEV: 'true'});
		expect(development.stdout).toBe('hello\n');
		expect(development.stderr).toContain('Debugging with React Devtools requires it.');
	});
});
