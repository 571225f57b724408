// `npm run bench`: every measured case in one table. Not part of `npm test`.
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {tuiBenchCases} from './tui-cases.js';
import {parseBenchCases, parseChild} from './parse-cases.js';
import {decisionBenchCases} from './decision-cases.js';
import {listBenchCases} from './list-cases.js';
import {screeningBenchCases, screeningRecallBenchCases} from './screening-cases.js';
import {qualityBenchCases} from './quality-cases.js';
import {largeInventoryCase} from './large-inventory-case.js';
import {sharedLogBenchCases, sharedWriterChild} from './shared-log-cases.js';
import type {BenchRow} from './types.js';

const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
const bench = fileURLToPath(import.meta.url);
// The CSL sample the tests use (the bench runs from dist/, one folder below the root).
const cslSample = fileURLToPath(new URL('../test/fixtures/csl-csv/consolidated_2022-05-16_sample.csv', import.meta.url));

if (process.argv[2] === '--parse-child') {
	await parseChild(process.argv[3]!);
	process.exit(0);
}
if (process.argv[2] === '--shared-writer') {
	await sharedWriterChild(process.argv[3]!, Number(process.argv[4]), process.argv[5]!);
	process.exit(0);
}

const format = (value: number | null) =>
	value === null ? '-' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;

function printGrid(header: string[], lines: string[][]): void {
	const widths = header.map((title, index) => Math.max(title.length, ...lines.map(line => line[index]!.length)));
	const render = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ')} |`;
	console.log(render(header));
	console.log(`|${widths.map(width => '-'.repeat(width + 2)).join('|')}|`);
	for (const line of lines) console.log(render(line));
}

function printQuality(rows: BenchRow[]): void {
	if (rows.length === 0) return;
	console.log('\nMatching quality on real names (test/fixtures/names):');
	printGrid(
		['set', 'size', 'measure', 'value', 'target', 'met'],
		rows.map(row => [row.case, row.size, row.measure ?? '', row.value ?? '', row.target, row.met ? 'yes' : 'NO']),
	);
	for (const row of rows) if (row.note) console.log(`  ${row.case.trim()}: ${row.note}`);
}

function printTable(rows: BenchRow[]): void {
	const header = ['case', 'size', 'median', 'p95', 'baseline', 'ratio', 'target', 'met'];
	const lines = rows.map(row => [
		row.case,
		row.size,
		format(row.medianMs),
		format(row.p95Ms),
		row.baseline ? `${row.baseline} ${format(row.baselineMs)}` : '-',
		row.baselineMs ? `${(row.medianMs / row.baselineMs).toFixed(2)}x` : '-',
		row.target,
		row.met ? 'yes' : 'NO',
	]);
	printGrid(header, lines);
	for (const row of rows) if (row.note) console.log(`  ${row.case}: ${row.note}`);
}

const suites: Record<string, () => Promise<BenchRow[]>> = {
	tui: () => tuiBenchCases(cli),
	parse: () => parseBenchCases(bench, cslSample),
	list: () => listBenchCases(cli, cslSample),
	decisions: decisionBenchCases,
	screening: screeningBenchCases,
	'screening-recall': screeningRecallBenchCases,
	quality: qualityBenchCases,
	'large-inventory': async () => [await largeInventoryCase()],
	'shared-log': () => sharedLogBenchCases(bench),
};

if (process.argv[2] === '--suite') {
	// One suite in its own process, so its memory figures are its own.
	process.stdout.write(JSON.stringify(await suites[process.argv[3]!]!()));
	process.exit(0);
}

const only = process.argv[2];
const rows: BenchRow[] = [];
for (const name of Object.keys(suites)) {
	if (only && only !== name) continue;
	process.stderr.write(`bench: ${name}…\n`);
	const child = spawnSync(process.execPath, [bench, '--suite', name], {
		encoding: 'utf8',
		maxBuffer: 16 << 20,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	if (child.status !== 0) {
		process.stderr.write(`bench: ${name} failed (exit ${child.status})\n`);
		continue;
	}
	rows.push(...(JSON.parse(child.stdout) as BenchRow[]));
}
printTable(rows.filter(row => row.kind !== 'quality'));
printQuality(rows.filter(row => row.kind === 'quality'));
process.exit(0);
