// Code and data that most runs never use, kept out of the chunks every command compiles: a
// process paid for compiling them whether it called them or not. bundle.mjs writes each file
// beside the chunk that reads it (each finds its file next to itself, by import.meta.url or the
// chunk's own require).
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Packages whose imports become stand-ins of the same shapes (the functions and classes the app and
 * its dependencies use), which require `file` on first use: the packages of `entry`, bundled as one
 * CommonJS script of their own. `importer`, when given, limits the swap to imports made from there.
 */
export const firstUseScripts = [
	{
		// Most names are Latin; its table of 65,536 strings was also built when its module loaded.
		name: 'transliteration',
		file: 'transliteration.cjs',
		entry: "module.exports = require('transliteration');",
		standIns: {transliteration: load => `export const transliterate = (source, options) => ${load}.transliterate(source, options);`},
	},
	{
		// Only for kana and Hangul.
		name: 'romanisers',
		file: 'romanisers.cjs',
		entry: "module.exports = {toRomaji: require('wanakana').toRomaji, romanize: require('es-hangul').romanize};",
		standIns: {
			wanakana: load => `export const toRomaji = (text, options) => ${load}.toRomaji(text, options);`,
			'es-hangul': load => `export const romanize = text => ${load}.romanize(text);`,
		},
	},
	{
		// conf validates only a store with a schema (the decision log's writer), yet imports ajv for every store.
		name: 'ajv',
		file: 'ajv.cjs',
		importer: /[\\/]conf[\\/]dist[\\/]/,
		entry: "module.exports = {Ajv2020: require('ajv/dist/2020.js').Ajv2020, formats: require('ajv-formats')};",
		standIns: {
			'ajv/dist/2020.js': load => `export class Ajv2020 {
	constructor(options) {
		return new (${load}.Ajv2020)(options);
	}
}`,
			// conf reads the plugin as the module's `default` (ajv-formats is CommonJS).
			'ajv-formats': load => `const formats = (ajv, options) => ${load}.formats(ajv, options);
formats.default = formats;
export default formats;`,
		},
	},
	{
		// For parsing a list or an inventory and writing CSV; the sources' cache is read without them.
		name: 'parsers',
		file: 'parsers.cjs',
		entry: `module.exports = {
	SaxesParser: require('saxes').SaxesParser,
	Papa: require('papaparse'),
	parse: require('csv-parse/sync').parse,
	stringify: require('csv-stringify/sync').stringify,
};`,
		standIns: {
			saxes: load => `export class SaxesParser {
	constructor(options) {
		return new (${load}.SaxesParser)(options);
	}
}`,
			papaparse: load => `export default {
	Parser: class {
		constructor(config) {
			return new (${load}.Papa.Parser)(config);
		}
	},
	parse: (...args) => ${load}.Papa.parse(...args),
};`,
			'csv-parse/sync': load => `export const parse = (...args) => ${load}.parse(...args);`,
			'csv-stringify/sync': load => `export const stringify = (...args) => ${load}.stringify(...args);`,
		},
	},
];

/** The plugin that swaps a script's packages for their stand-ins; its modules are named `<name>-on-first-use:`. */
export function onFirstUse({name, file, importer, standIns}) {
	const namespace = `${name}-on-first-use`;
	const specifiers = new RegExp(`^(?:${Object.keys(standIns).map(escapeRegExp).join('|')})$`);
	// Required once, then kept: a require() per call costs a lookup of the resolved file every time.
	const prelude = `let script;\nconst loaded = () => (script ??= require(${JSON.stringify(`./${file}`)}));\n`;
	return {
		name: namespace,
		setup(build) {
			build.onResolve({filter: specifiers}, ({path, importer: from}) => (importer && !importer.test(from) ? undefined : {path, namespace}));
			// Required at run time from beside the chunk (the bundle's banner gives every chunk a require of its own).
			build.onResolve({filter: new RegExp(`^\\./${escapeRegExp(file)}$`)}, ({path}) => ({path, external: true}));
			build.onLoad({filter: /.*/, namespace}, ({path}) => ({loader: 'js', contents: prelude + standIns[path]('loaded()')}));
		},
	};
}

const escapeRegExp = text => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The file beside the chunk holding any-ascii that anyAsciiBlocksOnFirstUse reads. */
export const anyAsciiBlocksFile = 'any-ascii-blocks.json';

/**
 * any-ascii's table (546 KB: one function returning a string per block of 256 code points) was compiled
 * by every command that loads the matcher, most of which meet only Latin names and never call it. It
 * becomes a JSON file (anyAsciiBlocks) read on the first call, beside the chunk that holds the reader;
 * the function answers as the original does, "" for a block it has nothing for.
 */
export const anyAsciiBlocksOnFirstUse = {
	name: 'any-ascii-blocks-on-first-use',
	setup(build) {
		build.onResolve({filter: /^\.\/block\.js$/}, ({importer}) =>
			/[\\/]any-ascii[\\/]any-ascii\.js$/.test(importer)
				? {path: join(dirname(importer), 'block.js'), namespace: 'any-ascii-blocks'}
				: undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'any-ascii-blocks'}, () => ({
			loader: 'js',
			resolveDir: root,
			contents: `import {readFileSync} from 'node:fs';
let blocks;
export default function block(blockNum) {
	blocks ??= JSON.parse(readFileSync(new URL(${JSON.stringify(anyAsciiBlocksFile)}, import.meta.url), 'utf8'));
	return blocks[blockNum] ?? '';
}`,
		}));
	},
};

/** Every block of any-ascii's table that has anything, by block number, as anyAsciiBlocksOnFirstUse reads them. */
export async function anyAsciiBlocks() {
	const {default: block} = await import(pathToFileURL(join(root, 'node_modules', 'any-ascii', 'block.js')).href);
	const blocks = {};
	for (let blockNum = 0; blockNum <= 0x10ffff >>> 8; blockNum++) {
		const text = block(blockNum);
		if (text) blocks[blockNum] = text;
	}
	return JSON.stringify(blocks);
}
