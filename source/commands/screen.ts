// `vendor-risk screen`: the inventory's hits with their explanations, for people
// (table), scripts (json) and spreadsheets (csv); `--fail-on` gates pipelines.
import {stringify} from 'csv-stringify/sync';
import {describeTokens, loadRunJoin, queryLabel, type JudgedHit, type RunOptions} from '../app-context/index.js';
import {displayText} from '../text/index.js';
import {UserInputError} from '../errors/index.js';
import {neutraliseCell} from '../decisions/index.js';
import {noExposure, type Exposure} from '../records/index.js';
import {hasComparableWord} from '../screening/index.js';
import {reporting, type CommandIO} from './io.js';
import {jsonDocument, jsonLines, writeStreamed} from './streamed-output.js';
import {findingCsvHeader, findingCsvRow, findingJson, findingLines, unknownCategoryLine} from './screen-findings.js';

export type ScreenFormat = 'table' | 'json' | 'jsonl' | 'csv';
export type ScreenOptions = {format?: string; failOn?: string};
export type ScreenResult = {
	hits: readonly JudgedHit[];
	screened: number;
	threshold: number;
	sources: string[];
	exposure?: Exposure;
	/** List entries the inventory was screened against; 0 means only the curated data was. */
	listEntries?: number;
	/** Vendors among `screened` whose names leave no word to compare (each also warned of): never "clean". */
	uncompared?: number;
};

/** Said on stdout when there is no list to screen against: "No hits" would read as "we are clean". */
export const noListEntriesLine = '0 list entries screened: add a source with vendor-risk sources add';

export const screenFormats: readonly ScreenFormat[] = ['table', 'json', 'jsonl', 'csv'];
const failOns = ['hit', 'undecided'] as const;

/** The stable JSON shape of one hit (keys named in the issue; keep them). */
const hitJson = (hit: JudgedHit) => ({
	kind: hit.kind,
	vendor: {name: hit.vendor.name, id: hit.vendor.id},
	entry: {id: hit.entry.id, name: hit.entry.name, aliases: hit.entry.aliases, list: hit.entry.list, programs: hit.entry.programs},
	matchedName: hit.matchedName,
	score: hit.score,
	explanation: hit.explanation,
	disposition: hit.state,
});

const csvHeader = [
	'vendor_id',
	'vendor_name',
	'query_name',
	'matched_name',
	'score',
	'entry_id',
	'entry_name',
	'list',
	'programs',
	'listed_on',
	'normalized_query',
	'normalized_list',
	'country',
	'disposition',
	'kind',
	'query_role',
];

const csvRow = (hit: JudgedHit): string[] => [
	hit.vendor.id,
	hit.vendor.name,
	hit.queryName,
	hit.matchedName,
	hit.score.toFixed(3),
	hit.entry.id,
	hit.entry.name,
	hit.entry.list,
	hit.entry.programs.join('; '),
	hit.entry.listedOn ?? '',
	hit.explanation.normalizedQuery,
	hit.explanation.normalizedList,
	hit.explanation.countryAgreement,
	hit.state,
	hit.kind,
	hit.explanation.queryRole,
];

/** The CSV's rows, header first. The finding columns follow the name-hit columns only when there are findings, so the name-hit layout stays as it was. */
function* csvRows(hits: readonly JudgedHit[], exposure: Exposure): Generator<string[]> {
	const withFindings = exposure.findings.length > 0;
	yield withFindings ? [...csvHeader, ...findingCsvHeader] : csvHeader;
	const findingBlanks = findingCsvHeader.slice(1).map(() => '');
	for (const hit of hits) yield withFindings ? [...csvRow(hit), 'name-match', ...findingBlanks] : csvRow(hit);
	if (withFindings) for (const finding of exposure.findings) yield findingCsvRow(finding, csvHeader.length);
}

export async function runScreen(result: ScreenResult, options: ScreenOptions, io: CommandIO): Promise<number> {
	const format = (options.format ?? 'table') as ScreenFormat;
	if (!screenFormats.includes(format))
		throw new UserInputError(`--format: unknown format "${options.format}"; use ${screenFormats.join(', ')}`);
	if (options.failOn !== undefined && !(failOns as readonly string[]).includes(options.failOn))
		throw new UserInputError(`--fail-on: unknown value "${options.failOn}"; use hit or undecided`);
	const {hits} = result;
	const exposure = result.exposure ?? noExposure;
	const items = () => [...hits.map(hitJson), ...exposure.findings.map(findingJson)];
	if (format === 'json') {
		const envelope = {
			hits: null,
			screened: result.screened,
			threshold: result.threshold,
			sources: result.sources,
			...(result.listEntries === undefined ? {} : {listEntries: result.listEntries}),
			assetsChecked: exposure.assetsChecked,
			unknownCategories: exposure.unknownCategories,
		};
		await writeStreamed(io.stdout, jsonDocument(envelope, 'hits', items()));
	} else if (format === 'jsonl') {
		// One hit or finding a line; a finding tells itself apart by its own keys (screen-findings.ts).
		await writeStreamed(io.stdout, jsonLines(items()));
	} else if (format === 'csv') {
		// RFC 4180, no cell a spreadsheet would run as a formula, and nothing hidden in a cell; a record at a time.
		const records = function* (): Generator<string> {
			for (const row of csvRows(hits, exposure))
				yield stringify([row.map(cell => neutraliseCell(displayText(cell)))], {record_delimiter: '\r\n'});
		};
		await writeStreamed(io.stdout, records());
	} else {
		if (result.listEntries === 0) io.stdout.write(`${noListEntriesLine}\n`);
		else if (hits.length === 0) {
			const {screened, uncompared = 0} = result;
			const compared = uncompared
				? `${screened - uncompared} vendors screened at threshold ${result.threshold}; ${uncompared} not comparable (see the warnings): screen them by hand`
				: `${screened} vendors screened at threshold ${result.threshold}`;
			io.stdout.write(`No ${exposure.findings.length ? 'name ' : ''}hits: ${compared}.\n`);
		}
		for (const hit of hits) {
			const what = hit.kind === 'curated' ? 'curated vendor ' : '';
			const lines = [
				`${hit.vendor.name}  ~  ${what}${hit.entry.name}  score ${hit.score.toFixed(2)}  [${hit.state}]`,
				`  ${hit.entry.list} · entry ${hit.entry.id}${hit.entry.programs.length ? ` · ${hit.entry.programs.join(', ')}` : ''}${hit.entry.listedOn ? ` · listed ${hit.entry.listedOn}` : ''}`,
				`  ${queryLabel(hit)} met "${hit.matchedName}": ${describeTokens(hit.explanation.tokenScores)}`,
				...(hit.explanation.notes.length ? [`  note: ${hit.explanation.notes.join('; ')}`] : []),
			];
			for (const line of lines) io.stdout.write(`${displayText(line)}\n`);
		}
		for (const finding of exposure.findings) io.stdout.write(findingLines(finding).join('\n') + '\n');
		for (const category of exposure.unknownCategories) io.stdout.write(`${unknownCategoryLine(category)}\n`);
		const curated = hits.filter(hit => hit.kind === 'curated').length;
		io.stderr.write(
			`${hits.length} hits (${curated} curated, ${hits.filter(hit => hit.state === 'undecided').length} undecided) · ${exposure.findings.length} findings on ${exposure.assetsChecked} assets · ${result.screened} vendors · threshold ${result.threshold} · ${result.sources.length} sources\n`,
		);
	}
	// Findings count as hits; only name hits have a disposition, so --fail-on undecided reads those.
	if (options.failOn === 'hit' && hits.length + exposure.findings.length > 0) return 1;
	if (options.failOn === 'undecided' && hits.some(hit => hit.state === 'undecided')) return 1;
	return 0;
}

/** `vendor-risk screen`: loads the run (the inventory is required), then reports its hits. */
export async function runScreenCommand(options: ScreenOptions, run: RunOptions, io: CommandIO): Promise<number> {
	return reporting(io, async () => {
		const join = await loadRunJoin();
		const loaded = await join.loadJoinedRun(run, io.env);
		const inventory = loaded.loaded.inventory;
		if (!inventory && !loaded.loaded.assets)
			throw new UserInputError('screen: no inventory', {
				hint: 'pass --inventory FILE (and --assets FILE for fleets), or save one with vendor-risk inventory set FILE',
			});
		for (const warning of loaded.loaded.warnings) io.stderr.write(`vendor-risk: warning: ${displayText(warning)}\n`);
		// Screening nothing is never a clean result: --fail-on must not pass on an inventory it could not read.
		if (inventory && inventory.vendors.length === 0)
			throw new UserInputError(`${inventory.path}: no inventory row could be read, so nothing was screened`, {
				hint: 'check the file: a header row with a vendor name column, then one vendor per row',
			});
		const sources = loaded.loaded.sources.map(source => source.name);
		const screened = inventory?.vendors.length ?? 0;
		return runScreen(
			{
				hits: loaded.hits,
				screened,
				threshold: inventory?.threshold ?? 0,
				sources,
				exposure: loaded.exposure,
				listEntries: loaded.loaded.entries.length,
				uncompared: inventory?.vendors.filter(vendor => !hasComparableWord([vendor.name, ...vendor.aliases])).length ?? 0,
			},
			options,
			io,
		);
	});
}
