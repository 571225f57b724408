// Exposure, seen from outside: the class rules (product classes, origins, model
// years) applied to an inventory's product lines and an assets file, and the
// ownership rules (OFAC 50 Percent Rule, BIS Affiliates rule) applied through
// ownership chains. Pure functions of the data and the day judged.
export {parseAssets, parseAssetsFile, type AssetRow, type AssetsParse} from './assets.js';
export {computeExposure, type ExposureInput} from './exposure.js';
export {ownershipBy, type OwnershipNode, type OwnershipResult} from './ownership.js';
export {coveredCountrySet, ownershipListOfRule, ruleKind, ruleSummary, ruleTestOf, type RuleTest} from './rules.js';
export {
	ambiguousCategories,
	categoryClassifier,
	categoryKey,
	categoryVocabulary,
	notCoveredCategories,
	type CategoryMatch,
	type VocabularyEntry,
} from './vocabulary.js';
