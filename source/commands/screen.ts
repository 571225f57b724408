// `vendor-risk screen`: the inventory's hits with their explanations, for people
// (table), scripts (json) and spreadsheets (csv); `--fail-on` gates pipelines.
import {stringify} from 'csv-stringify/sync';
import {describeTokens, loadRunJoin, queryLabel, type JudgedHit, type RunOptions} from '../app-context/index.js';
import {displayText, inertJson} from '../text/index.js';
import {UserInputError} from '../errors/index.js';
import {neutraliseCell} from '../decisions/index.js';
import {noExposure, type Exposure} from '../records/index.js';
import {reporting, type CommandIO} from './io.js';
import {findingCsvHeader, findingCsvRow, findingJson, findingLines, unknownCategoryLine} from './screen-findings.js';

export type ScreenFormat = 'table' | 'json' | 'csv';
export type ScreenOptions = {format?: string; failOn?: string};
export type ScreenResult = {
	hits: readonly JudgedHit[];
	screened: number;
	threshold: number;
	sources: string[];
	exposure?: Exposure;
	/** List entries the inventory was screened against; 0 means only the curated data was. */
	listEntries?: number;
};

/** Said on stdout when there is no list to screen against: "No hits" would read as "we are clean". */
export const noListEntriesLine = '0 list entries screened: add a source with vendor-risk sources add';

const formats: readonly ScreenFormat[] = ['table', 'json', 'csv'];
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

export function runScreen(result: ScreenResult, options: ScreenOptions, io: CommandIO): number {
	const format = (options.format ?? 'table') as ScreenFormat;
	if (!formats.includes(format)) throw new UserInputError(`--format: unknown format "${options.format}"; use table, json or csv`);
	if (options.failOn !== undefined && !(failOns as readonly string[]).includes(options.failOn))
		throw new UserInputError(`--fail-on: unknown value "${options.failOn}"; use hit or undecided`);
	const {hits} = result;
	const exposure = result.exposure ?? noExposure;
	if (format === 'json') {
		io.stdout.write(
			inertJson(
				{
					hits: [...hits.map(hitJson), ...exposure.findings.map(findingJson)],
					screened: result.screened,
					threshold: result.threshold,
					sources: result.sources,
					...(result.listEntries === undefined ? {} : {listEntries: result.listEntries}),
					assetsChecked: exposure.assetsChecked,
					unknownCategories: exposure.unknownCategories,
				},
				2,
			) + '\n',
		);
	} else if (format === 'csv') {
		const header = [
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
		const rows = hits.map(hit => [
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
		]);
		// The finding columns follow the name-hit columns only when there are findings, so the name-hit layout stays as it was.
		const table =
			exposure.findings.length > 0
				? [
						[...header, ...findingCsvHeader],
						...rows.map(row => [...row, 'name-match', ...findingCsvHeader.slice(1).map(() => '')]),
						...exposure.findings.map(finding => findingCsvRow(finding, header.length)),
					]
				: [header, ...rows];
		// RFC 4180, no cell a spreadsheet would run as a formula, and nothing hidden in a cell.
		io.stdout.write(
			stringify(
				table.map(row => row.map(cell => neutraliseCell(displayText(cell)))),
				{record_delimiter: '\r\n'},
			),
		);
	} else {
		if (result.listEntries === 0) io.stdout.write(`${noListEntriesLine}\n`);
		else if (hits.length === 0)
			io.stdout.write(
				`No ${exposure.findings.length ? 'name ' : ''}hits: ${result.screened} vendors screened at threshold ${result.threshold}.\n`,
			);
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
			},
			options,
			io,
		);
	});
}
