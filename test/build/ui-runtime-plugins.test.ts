import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
import {inkOutputCachesAcrossFrames, inkWithoutDevtoolsImport, yogaInstantiatedAtLoad} from '../../source/build/plugins.mjs';
import {repositoryRoot} from '../helpers.js';

const folder = mkdtempSync(join(tmpdir(), 'vendor-risk-ui-runtime-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

/** Bundles `source` as a CommonJS script, as ui-runtime.cjs is built, and runs it with `environment`. */
async function runAsScript(
	name: string,
	source: string,
	environment: Record<string, string> = {},
	plugins = [yogaInstantiatedAtLoad, inkWithoutDevtoolsImport],
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
		plugins,
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

describe("Ink's output caches kept across frames", () => {
	// Ink's Output, as a frame uses it: styled lines written at places, then the frame's text.
	const frames = `import Output from ${JSON.stringify(join(repositoryRoot, 'node_modules/ink/build/output.js'))};
const frame = lines => {
	const output = new Output({width: 30, height: lines.length});
	lines.forEach((line, y) => output.write(0, y, line, {transformers: []}));
	return {text: output.get().output, caches: output.caches};
};
const styled = ['\\u001B[7m selected row \\u001B[27m', '\\u001B[2mdim 中文 line\\u001B[22m', 'plain'];
const first = frame(styled);
const second = frame(styled);
for (let at = 0; at < 5000; at++) frame([\`line \${at}\`]);
const after = frame(styled);
console.log(JSON.stringify({text: first.text, same: second.text === first.text && after.text === first.text, kept: second.caches === first.caches, renewed: after.caches !== first.caches}));
`;

	it("reuses one frame's caches in the next, gives the same text as Ink alone, and starts afresh past its bound", async () => {
		const patched = await runAsScript('output-kept', frames, {}, [inkOutputCachesAcrossFrames]);
		const plain = await runAsScript('output-plain', frames, {}, []);
		expect(patched.stderr).toBe('');
		const kept = JSON.parse(patched.stdout) as {text: string; same: boolean; kept: boolean; renewed: boolean};
		const alone = JSON.parse(plain.stdout) as typeof kept;
		expect(kept.text).toBe(alone.text);
		expect(kept.text).toContain('selected row');
		expect(kept).toMatchObject({same: true, kept: true, renewed: true});
		// Ink alone makes them anew for every frame.
		expect(alone.kept).toBe(false);
	});
});
