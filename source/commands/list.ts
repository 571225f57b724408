// `vendor-risk list vendors|jurisdictions|restrictions|entries [--filter Q] [--json | --format table|json|jsonl]`:
// the TUI's tables for scripts, filtered with the same language.
import {loadRunJoin, type EntryRun, type RunContext, type RunOptions} from '../app-context/index.js';
import {UserInputError} from '../errors/index.js';
import {applyQuery, compileFilter, parseFilter, type CellValue} from '../query/index.js';
import {
	entryTable,
	type EntryRow,
	jurisdictionRows,
	timelineRows,
	timelineTable,
	jurisdictionTable,
	restrictionRows,
	restrictionTable,
	findingsByVendor,
	ruleRows,
	ruleTable,
	vendorRows,
	vendorTable,
	queueRows,
	queueTable,
	renderTableText,
	type DecisionSummary,
	type HitSummary,
	type TableRow,
	type TableSpec,
} from '../tables/index.js';
import {dataDates, noExposure, type Exposure} from '../records/index.js';
import {reporting, type CommandIO} from './io.js';
import {jsonDocument, jsonLines, writeStreamed} from './streamed-output.js';

export const listTargets = ['vendors', 'jurisdictions', 'restrictions', 'rules', 'entries', 'queue', 'timeline'] as const;
export type ListTarget = (typeof listTargets)[number];

export const listFormats = ['table', 'json', 'jsonl'] as const;
export type ListFormat = (typeof listFormats)[number];

export type ListOptions = {
	filter?: string;
	json?: boolean;
	/** table, json (as --json) or jsonl: one row a line. */
	format?: string;
	decisionOf?: (vendorId: string) => DecisionSummary | null;
	hitsOf?: (vendorId: string) => HitSummary | null;
	/** The run's class-rule and ownership findings (the rules' reach, the vendors' queue reasons). */
	exposure?: Exposure;
};

function tableFor(target: ListTarget, context: RunContext, options: ListOptions): {spec: TableSpec<TableRow>; rows: TableRow[]} {
	const cast = <Row extends TableRow>(spec: TableSpec<Row>) => spec as unknown as TableSpec<TableRow>;
	const exposure = options.exposure ?? noExposure;
	const byVendor = findingsByVendor(exposure);
	const findingsOf = (vendorId: string) => byVendor.get(vendorId) ?? [];
	switch (target) {
		case 'vendors':
			return {spec: cast(vendorTable), rows: vendorRows(context.catalog, context.asOf, options.decisionOf, options.hitsOf, findingsOf)};
		case 'jurisdictions':
			return {spec: cast(jurisdictionTable), rows: jurisdictionRows(context.catalog, context.asOf)};
		case 'restrictions':
			return {spec: cast(restrictionTable), rows: restrictionRows(context.catalog, context.asOf)};
		case 'rules':
			return {spec: cast(ruleTable), rows: ruleRows(context.catalog, context.asOf, exposure)};
		case 'entries':
			return {spec: cast(entryTable), rows: context.entries};
		case 'queue':
			return {
				spec: cast(queueTable),
				rows: queueRows(vendorRows(context.catalog, context.asOf, options.decisionOf, options.hitsOf, findingsOf)),
			};
		case 'timeline':
			return {spec: cast(timelineTable), rows: timelineRows(context.catalog, context.asOf)};
	}
}

function formatOf(options: ListOptions): ListFormat {
	const format = options.format ?? (options.json ? 'json' : 'table');
	if (!(listFormats as readonly string[]).includes(format))
		throw new UserInputError(`--format: unknown format "${format}"; use ${listFormats.join(', ')}`);
	if (options.json && format !== 'json') throw new UserInputError(`--json and --format ${format} ask for different outputs; give one`);
	return format as ListFormat;
}

function refuseUnknownFields(unknownFields: readonly string[], target: string, columns: ReadonlyArray<{key: string}>): void {
	if (unknownFields.length === 0) return;
	const known = columns.map(column => column.key).join(', ');
	throw new UserInputError(`--filter: unknown field "${unknownFields[0]}" for ${target}; fields are ${known}`);
}

/** What `--json` writes before its rows. */
function envelopeOf(target: string, context: Pick<RunContext, 'asOf' | 'catalog'>, options: ListOptions, count: number) {
	return {
		table: target,
		asOf: context.asOf,
		dataAsOf: context.catalog.dataAsOf,
		sourcesAsOf: context.catalog.sourcesAsOf,
		filter: options.filter ?? '',
		count,
	};
}

/**
 * `list entries --json|--format jsonl` over entries left on disk: one pass keeps the matching
 * positions and their sort keys, then each row is read, written and let go in the table's order.
 * The same bytes as runList writes; a million entries held at once took 1.5 GB.
 */
async function writeEntries(run: EntryRun, options: ListOptions, format: 'json' | 'jsonl', io: CommandIO): Promise<number> {
	const spec = entryTable;
	const compiled = compileFilter(parseFilter(options.filter ?? ''), spec.columns);
	refuseUnknownFields(compiled.unknownFields, 'entries', spec.columns);
	const everyRow = compiled.filter.terms.length === 0;
	const sortColumn = spec.columns.find(column => column.key === spec.defaultSort?.column);
	const kept = new Int32Array(run.entries.count);
	const keys: CellValue[] = [];
	for (let position = 0; position < run.entries.count; position++) {
		const row = run.entries.at(position);
		if (!everyRow && !compiled.test(row)) continue;
		kept[keys.length] = position;
		keys.push(sortColumn ? sortColumn.value(row) : null);
	}
	// The table's own sort (stable, empty values last) over the keys alone.
	const byKey = [{key: 'key', value: (key: CellValue) => key}];
	const sorted = applyQuery(keys, '', spec.defaultSort && {column: 'key', descending: spec.defaultSort.descending}, byKey);
	function* rows(): Generator<EntryRow> {
		for (let rank = 0; rank < keys.length; rank++) yield run.entries.at(kept[sorted.order ? sorted.order[rank]! : rank]!);
	}
	const pieces = format === 'jsonl' ? jsonLines(rows()) : jsonDocument(envelopeOf('entries', run, options, keys.length), 'rows', rows());
	await writeStreamed(io.stdout, pieces);
	return 0;
}

export async function runList(target: string, context: RunContext, options: ListOptions, io: CommandIO): Promise<number> {
	if (!(listTargets as readonly string[]).includes(target)) {
		throw new UserInputError(`list: unknown table "${target}"; use one of ${listTargets.join(', ')}`);
	}
	const format = formatOf(options);
	const {spec, rows} = tableFor(target as ListTarget, context, options);
	const result = applyQuery(rows, options.filter ?? '', spec.defaultSort, spec.columns);
	refuseUnknownFields(result.unknownFields, target, spec.columns);
	if (format === 'jsonl') {
		await writeStreamed(io.stdout, jsonLines(result.rows));
		return 0;
	}
	if (format === 'json') {
		await writeStreamed(io.stdout, jsonDocument(envelopeOf(target, context, options, result.rows.length), 'rows', result.rows));
		return 0;
	}
	if (result.rows.length === 0) {
		io.stdout.write(
			target === 'entries' && rows.length === 0
				? 'No list entries: add a source with `vendor-risk sources add URL|PATH` and run `vendor-risk fetch`, or pass --source FILE.\n'
				: 'No rows match.\n',
		);
		return 0;
	}
	const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 160;
	io.stdout.write(renderTableText(spec, result.rows, width) + '\n');
	io.stderr.write(`${result.rows.length} of ${rows.length} ${target} · as of ${context.asOf} · ${dataDates(context.catalog).label}\n`);
	return 0;
}

/** `vendor-risk list TABLE` (and `queue`): the run joined to the decision log, then the table. */
export async function runListCommand(
	table: string,
	options: {filter?: string; json?: boolean; format?: string},
	run: RunOptions,
	io: CommandIO,
): Promise<number> {
	return reporting(io, async () => {
		const join = await loadRunJoin();
		const format = table === 'entries' ? formatOf(options) : 'table';
		if (format !== 'table') {
			const entryRun = await join.loadEntryRun(run, io.env);
			try {
				return await writeEntries(entryRun, options, format, io);
			} finally {
				entryRun.entries.close();
			}
		}
		const loaded = await join.loadJoinedRun(run, io.env);
		const decisionOf = join.decisionSummaries(loaded.entries, loaded.context, loaded.decisionContext);
		const counts = join.hitCounts(loaded.hits);
		const hitsOf = (vendorId: string) => counts.get(vendorId) ?? null;
		return runList(table, loaded.context, {...options, decisionOf, hitsOf, exposure: loaded.exposure}, io);
	});
}
