// Matching quality on real names (evaluation-names.ts): precision, recall and F1
// at the default threshold, the false-hit rate on real unlisted names (one-word
// brands reported apart) and on hard negatives, recall on real variants (aliases
// and other scripts), and whether every curated vendor is found from each of its names.
import type {ScreeningEntity, Vendor} from '../records/index.js';
import {loadEmbeddedRecords} from '../records/index.js';
import {
	buildIndex,
	curatedNames,
	defaultThreshold,
	joinCurated,
	matchName,
	namedVendor,
	normalizeName,
	screenHere,
	screeningJob,
	type ScreeningHit,
} from '../screening/index.js';
import {
	foundElsewhere,
	hardNegatives,
	hitByHardNegative,
	loadNameTypes,
	loadRealLists,
	unlistedNames,
	variantPositives,
	type Positive,
} from './evaluation-names.js';
import type {BenchRow} from './types.js';

const rate = (count: number, total: number) => (total === 0 ? 0 : count / total);
const percent = (value: number) => `${(100 * value).toFixed(2)} %`;
const examples = (items: readonly string[], count = Number(process.env.BENCH_EXAMPLES ?? 8)) =>
	items.slice(0, count).join('; ') + (items.length > count ? ' ...' : '');

function quality(set: string, size: string, measure: string, value: string, target: string, met: boolean, note?: string): BenchRow {
	return {kind: 'quality', case: set, size, measure, value, target, met, medianMs: 0, p95Ms: null, baseline: null, baselineMs: null, note};
}

/**
 * Each name screened as an inventory row of its own, by the product's path: the list
 * entries and the curated vendors in one index, each row's names searched once for
 * its list hits and its curated joins. Row position -> its first hit (joins first),
 * and the time of the screening alone (the index is built before it, as for the other sets).
 */
function screenedAsRows(
	names: readonly string[],
	entities: readonly ScreeningEntity[],
	curated: readonly Vendor[],
): {first: Map<number, ScreeningHit>; ms: number} {
	const vendors = names.map((name, at) => namedVendor(name, {id: `row-${at}`, source: `name ${at + 1}`}));
	const job = screeningJob({vendors, entries: entities, curated, threshold: defaultThreshold});
	const index = buildIndex(job.entries, {statisticsNames: job.statisticsNames});
	const started = performance.now();
	const hits = screenHere(job, {}, index);
	const ms = performance.now() - started;
	const first = new Map<number, ScreeningHit>();
	for (const hit of hits) {
		const at = Number(hit.vendor.id.slice('row-'.length));
		if (!first.has(at)) first.set(at, hit);
	}
	return {first, ms};
}

export async function qualityBenchCases(): Promise<BenchRow[]> {
	const entities = await loadRealLists();
	const curated: readonly Vendor[] = loadEmbeddedRecords().vendors;
	const statisticsNames = curated.flatMap(curatedNames);
	const index = buildIndex(entities, {statisticsNames});
	const lists = `${entities.length.toLocaleString('en')} real list entries`;
	const rows: BenchRow[] = [];

	// Negatives: a hit on the lists or a curated join is a false hit, each name screened as the product screens an inventory row.
	const unlisted = unlistedNames();
	const {first: firstHits, ms: negativeMs} = screenedAsRows(
		unlisted.map(({name}) => name),
		entities,
		curated,
	);
	const wrong = unlisted.filter((_name, at) => firstHits.has(at));
	const oneWord = unlisted.filter(({name}) => normalizeName(name).tokens.length === 1);
	const oneWordWrong = wrong.filter(({name}) => normalizeName(name).tokens.length === 1);
	const describe = () =>
		examples(
			[...firstHits].map(([at, hit]) =>
				hit.kind === 'curated'
					? `"${unlisted[at]!.name}" -> curated ${hit.entry.name} ${hit.score.toFixed(2)}`
					: `"${unlisted[at]!.name}" -> ${hit.matchedName} ${hit.score.toFixed(2)}`,
			),
		);
	rows.push(
		quality(
			'real unlisted company and brand names',
			`${unlisted.length.toLocaleString('en')} names x ${lists}`,
			'false hits',
			`${wrong.length} (${percent(rate(wrong.length, unlisted.length))})`,
			'<= 0.20 % (1 in 500)',
			rate(wrong.length, unlisted.length) <= 0.002,
			`${Math.round(negativeMs)} ms; ${describe()}`,
		),
		quality(
			'  of which one-word names',
			`${oneWord.length.toLocaleString('en')} names`,
			'false hits',
			`${oneWordWrong.length} (${percent(rate(oneWordWrong.length, oneWord.length))})`,
			'<= 0.20 % (1 in 500)',
			rate(oneWordWrong.length, oneWord.length) <= 0.002,
		),
	);

	// Hard negatives: the source entry must not be hit on a name holding the word replaced or dropped.
	const hard = hardNegatives(entities, unlisted);
	const hardWrong = hard.filter(negative => hitByHardNegative(negative, matchName(index, negative.query)));
	rows.push(
		quality(
			'hard negatives (one distinctive word replaced)',
			`${hard.length.toLocaleString('en')} pairs`,
			'false hits',
			`${hardWrong.length} (${percent(rate(hardWrong.length, hard.length))})`,
			'<= 0.20 %',
			rate(hardWrong.length, hard.length) <= 0.002,
			examples(hardWrong.map(({query, source}) => `"${query}" ~ ${source}`)),
		),
	);

	// Positives: each name of an entry against its other names (leave one out). The
	// variant tests are the names a fixed rule calls the same name respelt
	// (variant-rule.ts); every other name is still screened and reported below them.
	const {names, positives} = variantPositives(entities, loadNameTypes());
	const namesIndex = buildIndex(names, {statisticsNames});
	const found = positives.map(positive => {
		const matches = matchName(namesIndex, positive.query);
		return foundElsewhere(
			positive,
			matches.map(match => match.entity.id),
			matches.map(match => match.matchedName),
		);
	});
	const primaryName = new Map(entities.map(entity => [entity.id, [entity.name, ...entity.aliases].join(' | ')]));
	const recallRow = (set: string, keep: (positive: Positive) => boolean, target: string, goal: number | null): BenchRow => {
		const of = positives.map((positive, at) => ({positive, found: found[at]!})).filter(({positive}) => keep(positive));
		const missed = of.filter(item => !item.found).map(({positive}) => `"${positive.query}" ~ ${primaryName.get(positive.entityId)}`);
		const recall = rate(of.length - missed.length, of.length);
		return quality(
			set,
			`${of.length.toLocaleString('en')} names`,
			'recall',
			recall.toFixed(3),
			target,
			goal === null || recall >= goal,
			`missed ${missed.length}: ${examples(missed)}`,
		);
	};
	const variant = (category: Positive['category']) => (positive: Positive) =>
		positive.label === 'variant' && positive.category === category;
	rows.push(
		recallRow('real variants of listed names: Latin spellings', variant('alias'), '>= 0.99', 0.99),
		recallRow('real variants of listed names: other scripts', variant('other script'), '>= 0.99', 0.99),
		recallRow('  acronyms of listed names (not variants)', positive => positive.label === 'acronym', '-', null),
		recallRow('  every other name, Latin (noisy: no rule)', positive => positive.category === 'alias', '-', null),
		recallRow('  every other name, other scripts (noisy)', positive => positive.category === 'other script', '-', null),
	);
	const labels = new Map<string, number>();
	for (const positive of positives) labels.set(positive.label, (labels.get(positive.label) ?? 0) + 1);
	rows.at(-1)!.note += `; labels: ${[...labels].map(([label, count]) => `${label} ${count}`).join(', ')}`;

	// Precision, recall and F1 over the variant tests and the negatives together.
	const variantFound = found.filter((value, at) => positives[at]!.label === 'variant');
	const truePositives = variantFound.filter(Boolean).length;
	const falsePositives = wrong.length + hardWrong.length;
	const precision = rate(truePositives, truePositives + falsePositives);
	const recall = rate(truePositives, variantFound.length);
	const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
	rows.push(
		quality(
			`all, at threshold ${defaultThreshold}`,
			`${variantFound.length} variants, ${unlisted.length + hard.length} negatives`,
			'precision / recall / F1',
			`${precision.toFixed(3)} / ${recall.toFixed(3)} / ${f1.toFixed(3)}`,
			'-',
			true,
		),
	);

	// Every curated vendor, from each of its names, joins itself.
	const curatedMissed = curated.flatMap(vendor =>
		curatedNames(vendor)
			.filter(name => !joinCurated({name, aliases: []}, curated).some(join => join.vendorId === vendor.id))
			.map(name => `${vendor.id}: "${name}"`),
	);
	const curatedCount = curated.reduce((sum, vendor) => sum + curatedNames(vendor).length, 0);
	rows.push(
		quality(
			'curated vendors from legal, alias and native-script names',
			`${curated.length} vendors, ${curatedCount} names`,
			'found',
			`${curatedCount - curatedMissed.length} of ${curatedCount}`,
			'all',
			curatedMissed.length === 0,
			curatedMissed.length ? `missed: ${examples(curatedMissed)}` : undefined,
		),
	);
	return rows;
}
