// What each start loads before it can answer: --help and --version load no
// package at all, and the TUI's first frame none of the heavy ones (they arrive
// after it, through dynamic imports). Read from the bundle's own metafile, so a
// static import that drags got or zod onto the first paint fails here, not in a
// benchmark nobody ran.
import {readFileSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import {basename, dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {builtCli, repositoryRoot} from '../helpers.js';

type Metafile = {outputs: Record<string, {imports: Array<{path: string; kind: string}>; inputs: Record<string, unknown>}>};
const metafile = JSON.parse(readFileSync(join(builtCli, '..', 'metafile.json'), 'utf8')) as Metafile;
const outputs = metafile.outputs;

/** Every output loaded with `output` before any of its code runs: its static imports, transitively. */
function staticClosure(output: string): Set<string> {
	const seen = new Set<string>();
	const pending = [output];
	while (pending.length) {
		const next = pending.pop()!;
		if (seen.has(next)) continue;
		seen.add(next);
		for (const imported of outputs[next]!.imports)
			if (imported.kind === 'import-statement' && outputs[imported.path]) pending.push(imported.path);
	}
	return seen;
}

/** The npm packages (by name) whose code those outputs hold. */
function packagesIn(loaded: Set<string>): string[] {
	const names = new Set<string>();
	for (const output of loaded)
		for (const input of Object.keys(outputs[output]!.inputs)) {
			const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
			if (match) names.add(match[1]!);
		}
	return [...names].sort();
}

const outputHolding = (input: string) => Object.keys(outputs).find(output => input in outputs[output]!.inputs)!;
const heavy = [
	'got',
	'conf',
	'zod',
	'csv-parse',
	'csv-stringify',
	'commander',
	'proper-lockfile',
	'saxes',
	'transliteration',
	'hpagent',
	'pg',
	'pgpass',
	'pg-protocol',
];

describe('what a start loads', () => {
	it('--help and --version: the entry and its static chunks hold no package', () => {
		expect(packagesIn(staticClosure(outputHolding('cli.tsx')))).toEqual([]);
	});

	it('--help and --version: the embedded dataset is not compiled; it is read as JSON, from beside the chunk that reads it', () => {
		// What --version compiles: the entry and its static chunks, about 30 KB (the dataset as a module made it 230 KB).
		const bytes = [...staticClosure(outputHolding('cli.tsx'))].reduce(
			(sum, output) => sum + statSync(join(dirname(builtCli), '..', output)).size,
			0,
		);
		expect(bytes).toBeLessThan(64 * 1024);
	});

	// Data compiled as a module was paid by every start that loads its chunk, used or not.
	it.each([
		['source/records/embedded.ts', 'source/records/dataset.json'],
		['source/screening/dictionary-words.ts', 'source/screening/dictionary-words.json'],
	])('%s reads its data as JSON, shipped beside the chunk that holds it, not bundled', (reader, data) => {
		expect(Object.keys(outputs).filter(output => data in outputs[output]!.inputs)).toEqual([]);
		const shipped = readFileSync(join(dirname(builtCli), '..', outputHolding(reader), '..', basename(data)), 'utf8');
		expect(shipped).toBe(readFileSync(join(repositoryRoot, data), 'utf8'));
	});

	it("any-ascii's table is read as JSON beside the chunk that holds any-ascii, not bundled", () => {
		expect(Object.keys(outputs).filter(output => 'node_modules/any-ascii/block.js' in outputs[output]!.inputs)).toEqual([]);
		const blocks = JSON.parse(
			readFileSync(
				join(dirname(builtCli), '..', outputHolding('node_modules/any-ascii/any-ascii.js'), '..', 'any-ascii-blocks.json'),
				'utf8',
			),
		) as Record<string, string>;
		// Block 6 is Arabic, the script most names in the lists that need it are written in.
		expect(blocks['6']!.split('\t')[0x45]).toBe('m');
	});

	type Script = Record<string, (text: string) => string>;
	// Packages most runs never call are scripts of their own (source/build/on-first-use.mjs), required beside the
	// chunk that holds their stand-ins on the first call; each script answers as the package does.
	it.each([
		['transliteration', 'transliteration.cjs', (script: Script) => expect(script.transliterate!('Привет')).toBe('Privet')],
		[
			'romanisers',
			'romanisers.cjs',
			(script: Script) => expect([script.toRomaji!('カスペルスキー'), script.romanize!('삼성')]).toEqual(['kasuperusukii', 'samseong']),
		],
	])('%s is its own script, not bundled', (name, file, answers) => {
		const reader = Object.keys(outputs).find(output =>
			Object.keys(outputs[output]!.inputs).some(input => input.startsWith(`${name}-on-first-use:`)),
		)!;
		expect(reader).toBeDefined();
		answers(createRequire(join(dirname(builtCli), '..', reader))(`./${file}`) as Script);
	});

	it('the packages of the first-use scripts are bundled nowhere else', () => {
		const packages = /^node_modules\/(transliteration|wanakana|es-hangul|ajv|ajv-formats|saxes|papaparse|csv-parse|csv-stringify)\//;
		expect(Object.values(outputs).flatMap(output => Object.keys(output.inputs).filter(input => packages.test(input)))).toEqual([]);
	});

	it("ajv: conf's schema validator is required beside conf's chunk on first use (the log's writer), not compiled by every command", () => {
		const holding = (pattern: RegExp) =>
			Object.keys(outputs).filter(output => Object.keys(outputs[output]!.inputs).some(input => pattern.test(input)));
		expect(holding(/^node_modules\/ajv(?:-formats)?\//)).toEqual([]);
		const require = createRequire(join(dirname(builtCli), '..', outputHolding('node_modules/conf/dist/source/index.js')));
		const {Ajv2020, formats} = require('./ajv.cjs') as {
			Ajv2020: new (options: object) => {compile: (schema: object) => (value: unknown) => boolean};
			formats: (ajv: unknown) => unknown;
		};
		const ajv = new Ajv2020({allErrors: true});
		formats(ajv);
		const validate = ajv.compile({type: 'object', properties: {at: {type: 'string', format: 'date-time'}}});
		expect([validate({at: '2026-12-06T10:00:00Z'}), validate({at: 'yesterday'})]).toEqual([true, false]);
	});

	it('zod: its English messages only, not every locale (264 KB that each command reading the log compiled)', () => {
		const locales = Object.values(outputs).flatMap(output =>
			Object.keys(output.inputs).filter(input => /^node_modules\/zod\/v4\/locales\/[^/]+\.js$/.test(input)),
		);
		expect([...new Set(locales)]).toEqual(['node_modules/zod/v4/locales/en.js']);
	});

	it('the TUI before its first frame: none of the heavy packages', () => {
		const firstPaint = new Set([...staticClosure(outputHolding('cli.tsx')), ...staticClosure(outputHolding('source/ui/run.tsx'))]);
		const loaded = packagesIn(firstPaint);
		expect(loaded.filter(name => heavy.includes(name))).toEqual([]);
		// The check sees packages at all: the table widget is there.
		expect(loaded).toContain('@alcalzone/ink-table');
	});

	it('a command on the local log: no PostgreSQL driver (it loads only for a shared store)', () => {
		for (const command of ['source/commands/decide.ts', 'source/commands/log.ts', 'source/commands/countersign.ts']) {
			const loaded = packagesIn(staticClosure(outputHolding(command)));
			expect(loaded, command).toContain('conf');
			expect(
				loaded.filter(name => name.startsWith('pg')),
				command,
			).toEqual([]);
		}
		// It is in the bundle, behind a dynamic import.
		expect(packagesIn(staticClosure(outputHolding('source/decisions/postgres/store.ts')))).toContain('pg');
	});

	it('reading the cached lists and screening: no HTTP client (got loads when a download starts, hpagent for a proxy)', () => {
		for (const module of ['source/sources/fetch/cache.ts', 'source/app-context/screening-cache.ts', 'source/sources/fetch/http.ts']) {
			const loaded = packagesIn(staticClosure(outputHolding(module)));
			expect(
				loaded.filter(name => ['got', 'http2-wrapper', 'cacheable-request', 'hpagent'].includes(name)),
				module,
			).toEqual([]);
		}
		// It is in the bundle, behind a dynamic import.
		expect(packagesIn(staticClosure(outputHolding('node_modules/got/dist/source/index.js')))).toContain('got');
	});
});
