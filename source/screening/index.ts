// Screening: inventory parsing, name normalisation, the candidate index, scoring and explained hits.
export {normalizeName, type NameKind, type NormalizedName} from './normalize.js';
export {scoreNames, scoreTokens, tokenSimilarity, defaultThreshold, type NameScore, type TokenScore} from './score.js';
export {tokenWeight, isDistinctive, type TokenStatistics} from './token-weights.js';
export {withoutInvisible, maxNameLength, maxTokenLength} from './normalize.js';
export {scoreCandidate, type CandidateQuery, type CandidateScore} from './score-candidate.js';
export {countryAgreement, countryCode, type CountryAgreement} from './country.js';
export {
	buildIndex,
	type BuildOptions,
	searchIndex,
	matchName,
	matchNameExhaustive,
	type CandidateIndex,
	type NameMatch,
	type SearchOptions,
} from './candidate-index.js';
export {
	screenAll,
	screenHere,
	screeningJob,
	defaultWorkers,
	type ScreeningJob,
	type ScreeningProgress,
	type PoolOptions,
} from './screening-pool.js';
export {keptIndex, keptIndexParts, type KeptIndexOptions} from './index-file.js';
export {
	parseInventory,
	hasComparableWord,
	namedVendor,
	parseInventoryFile,
	slugify,
	type InventoryVendor,
	type InventoryParse,
	type InventoryParseOptions,
	type OwnerStake,
	type ProductLine,
} from './inventory.js';
export {
	screenInventory,
	curatedFindings,
	inVendorOrder,
	type ScreeningHit,
	type HitExplanation,
	type HitKind,
	type ScreenOptions,
} from './screen.js';
export {
	matchCuratedVendors,
	joinCurated,
	curatedEntry,
	curatedIndexEntries,
	curatedNames,
	curatedListName,
	curatedEntryPrefix,
	type CuratedJoin,
} from './curated-join.js';
