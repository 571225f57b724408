// The layer order of source/ (docs/architecture.md), enforced in `npm test`:
// a folder imports only from folders of a lower layer, never up or sideways,
// and from outside a folder only through its index.ts (its public face).
/** Layers, lowest first; folders in one layer may not import each other. */
const layers = [
	['dates', 'text', 'app-home', 'locks', 'query', 'binaries'],
	['errors', 'startup'],
	['records'],
	['settings', 'tables'],
	['sources'],
	['screening', 'decisions'],
	['exposure'],
	['changes'],
	['app-context'],
	['ui', 'commands'],
	['bench', 'build'],
];
const rankOf = new Map(layers.flatMap((folders, rank) => folders.map(folder => [folder, rank])));
const escape = text => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const folderPattern = folders => `^source/(${folders.map(escape).join('|')})/`;

const layerRules = layers.flatMap((folders, rank) =>
	folders.map(folder => {
		const notBelow = [...rankOf].filter(([other, otherRank]) => other !== folder && otherRank >= rank).map(([other]) => other);
		return {
			name: `layer-${folder}`,
			comment: `${folder}/ (layer ${rank}) may import only from lower layers`,
			severity: 'error',
			from: {path: `^source/${escape(folder)}/`},
			to: {path: folderPattern(notBelow)},
		};
	}),
);

module.exports = {
	forbidden: [
		...layerRules,
		{
			name: 'unknown-folder',
			comment: 'every folder under source/ has a place in the layer list above',
			severity: 'error',
			from: {path: '^source/'},
			to: {path: '^source/', pathNot: folderPattern([...rankOf.keys()])},
		},
		{
			name: 'public-face-only',
			comment: 'from outside a folder, import only its index.ts (binaries/ holds data; build scripts load the runtime entry)',
			severity: 'error',
			from: {path: '^source/([^/]+)/'},
			to: {path: '^source/([^/]+)/', pathNot: ['^source/[^/]+/index\\.ts$', '^source/$1/', '^source/binaries/']},
		},
		{
			name: 'public-face-only-cli',
			comment: 'cli.tsx reaches every folder through its index.ts',
			severity: 'error',
			from: {path: '^cli\\.tsx$'},
			to: {path: '^source/', pathNot: '^source/[^/]+/index\\.ts$'},
		},
		{
			name: 'no-circular',
			comment: 'modules do not import each other in a circle',
			severity: 'error',
			from: {path: '^(source/|cli\\.tsx$)'},
			to: {circular: true, viaOnly: {dependencyTypesNot: ['type-only']}},
		},
		{
			name: 'build-not-in-runtime',
			comment: 'build scripts are never imported by the app',
			severity: 'error',
			from: {path: '^(source/|cli\\.tsx$)', pathNot: '^source/(build|bench)/'},
			to: {path: '^source/build/'},
		},
	],
	options: {
		doNotFollow: {path: 'node_modules'},
		exclude: {path: '^(node_modules|dist|test)/'},
		tsPreCompilationDeps: true,
		tsConfig: {fileName: 'tsconfig.json'},
		enhancedResolveOptions: {extensions: ['.ts', '.tsx', '.mjs', '.js', '.json']},
	},
};
