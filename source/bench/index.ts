// `npm run bench`: every measured case in one table, each figure with the load
// average it was taken under. `npm run bench SUITE` runs one suite; `npm run bench
// -- --markdown` prints the table as the README's Performance section shows it;
// `npm run bench -- --misses` lists the quality bench's missed variants by category.
// Not part of `npm test`.
import {spawnSync} from 'node:child_process';
import {cpus, loadavg} from 'node:os';
import {fileURLToPath} from 'node:url';
import {tuiBenchCases} from './tui-cases.js';
import {parseBenchCases, parseChild} from './parse-cases.js';
import {decisionBenchCases} from './decision-cases.js';
import {listBenchCases} from './list-cases.js';
import {screeningBenchCases, screeningRecallBenchCases, smallScreeningBenchCases} from './screening-cases.js';
import {qualityBenchCases} from './quality-cases.js';
import {printMisses} from './quality-misses.js';
import {largeInventoryCase} from './large-inventory-case.js';
import {inventoryBenchCases} from './inventory-cases.js';
import {streamBenchCases} from './stream-cases.js';
import {loadMeter} from './measure.js';
import {sharedLogBenchCases, sharedWriterChild} from './shared-log-cases.js';
import type {BenchRow} from './types.js';

const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
const bareInk = fileURLToPath(new URL('./bare-ink.js', import.meta.url));
const bench = fileURLToPath(import.meta.url);
// The CSL sample the tests use (the bench runs from dist/, one folder below the root).
const cslSample = fileURLToPath(new URL('../test/fixtures/csl-csv/consolidated_2022-05-16_sample.csv', import.meta.url));

if (process.argv[2] === '--parse-child') {
	await parseChild(process.argv[3]!);
	process.exit(0);
}
if (process.argv[2] === '--misses') {
	await printMisses();
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

const ratioOf = (row: BenchRow): number | null => row.ratio ?? (row.baselineMs ? row.medianMs / row.baselineMs : null);

function tableLines(rows: BenchRow[]): {header: string[]; lines: string[][]} {
	const header = ['case', 'size', 'median', 'p95', 'baseline', 'ratio', 'target', 'met', 'load'];
	const lines = rows.map(row => {
		const ratio = ratioOf(row);
		return [
			row.case,
			row.size,
			format(row.medianMs),
			format(row.p95Ms),
			row.baseline ? `${row.baseline} ${format(row.baselineMs)}` : '-',
			ratio === null ? '-' : `${ratio.toFixed(2)}x`,
			row.target,
			row.met ? 'yes' : 'NO',
			row.load ?? '-',
		];
	});
	return {header, lines};
}

function printTable(rows: BenchRow[]): void {
	const {header, lines} = tableLines(rows);
	printGrid(header, lines);
	for (const row of rows) if (row.note) console.log(`  ${row.case}: ${row.note}`);
}

/** The machine and the day: what a figure was measured on. */
function machine(): string {
	const model = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
	return `${cpus().length} cores (${model}), Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`;
}

/** The README's Performance table: the same rows, as Markdown, with the notes as a list below. */
function printMarkdown(rows: BenchRow[]): void {
	const {header, lines} = tableLines(rows);
	const cell = (text: string) => text.replace(/\|/g, '\\|');
	console.log(
		`Measured by \`npm run bench -- --markdown\` on ${machine()}; load is the one-minute load average while each figure was taken.\n`,
	);
	console.log(`| ${header.join(' | ')} |`);
	console.log(`|${header.map(() => '---|').join('')}`);
	for (const line of lines) console.log(`| ${line.map(cell).join(' | ')} |`);
	console.log('');
	for (const row of rows) if (row.note) console.log(`- ${cell(row.case)}: ${row.note}`);
}

const suites: Record<string, () => Promise<BenchRow[]>> = {
	tui: () => tuiBenchCases(cli, bareInk),
	parse: () => parseBenchCases(bench, cslSample),
	list: () => listBenchCases(cli, cslSample),
	decisions: decisionBenchCases,
	screening: screeningBenchCases,
	'screening-small': smallScreeningBenchCases,
	'screening-recall': screeningRecallBenchCases,
	quality: qualityBenchCases,
	'large-inventory': async () => [await largeInventoryCase()],
	inventory: () => inventoryBenchCases(cli, cslSample),
	stream: () => streamBenchCases(cli),
	'shared-log': () => sharedLogBenchCases(bench),
};

if (process.argv[2] === '--suite') {
	// One suite in its own process, so its memory figures are its own. Exiting before a pipe has taken
	// the whole write would cut the JSON short (the quality suite's misses run to megabytes).
	const rows = JSON.stringify(await suites[process.argv[3]!]!());
	await new Promise(resolve => process.stdout.write(rows, resolve));
	process.exit(0);
}

const markdown = process.argv.includes('--markdown');
const only = process.argv.slice(2).filter(argument => !argument.startsWith('--'));
const unknown = only.filter(name => !(name in suites));
if (unknown.length) {
	process.stderr.write(`bench: unknown suite ${unknown.join(', ')}; suites are ${Object.keys(suites).join(', ')}\n`);
	process.exit(2);
}
const rows: BenchRow[] = [];
for (const name of Object.keys(suites)) {
	if (only.length && !only.includes(name)) continue;
	process.stderr.write(`bench: ${name} (load ${loadavg()[0]!.toFixed(1)})…\n`);
	const load = loadMeter();
	const child = spawnSync(process.execPath, [bench, '--suite', name], {
		encoding: 'utf8',
		maxBuffer: 16 << 20,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	if (child.status !== 0) {
		process.stderr.write(`bench: ${name} failed (exit ${child.status})\n`);
		continue;
	}
	const reading = load.reading();
	rows.push(...(JSON.parse(child.stdout) as BenchRow[]).map(row => ({...row, load: row.load ?? reading})));
}
const speed = rows.filter(row => row.kind !== 'quality');
if (markdown) printMarkdown(speed);
else {
	console.log(machine());
	printTable(speed);
}
printQuality(rows.filter(row => row.kind === 'quality'));
process.exit(0);
