// Class rules applied to assets: which rule reaches which asset, from when and
// until when, or why it cannot be told (the asset's origin is unknown).
import type {AssetRef, ClassRule, ClassRuleFinding, ModelYearMilestone, OriginUnknownFinding, RuleSummary} from '../records/index.js';
import {coveredCountrySet, ruleSummary, ruleTestOf} from './rules.js';

/** What the class rules need to know about an asset's supplier, resolved by the caller. */
export type SupplierFacts = {
	/** Ids of curated vendors the asset's vendor is (for rules that name vendors). */
	curatedIds: readonly string[];
	/** Display names of those curated vendors. */
	curatedNames: ReadonlyMap<string, string>;
	/** The supplier's own country (the inventory's country, else the curated vendor's HQ), or null. */
	country: string | null;
	/** Is this curated vendor on the FCC Covered List on the day? */
	onCoveredList: (curatedId: string) => boolean;
	/** Curated vendor ids a component ("vendor model") names. */
	componentVendors: (component: string) => readonly string[];
};

type RuleFinding = ClassRuleFinding | OriginUnknownFinding;

/** The findings of one rule for one asset (none when the rule does not reach it). */
export function applyRule(rule: ClassRule, asset: AssetRef, supplier: SupplierFacts, asOf: string): RuleFinding[] {
	const test = ruleTestOf(rule);
	if (test === 'ownership') return [];
	const summary = ruleSummary(rule, asOf);
	if (summary.status === 'ended') return [];
	const named = supplier.curatedIds.filter(id => rule.namedVendors.includes(id));
	if (named.length)
		return [classFinding(rule, summary, asset, `named in the rule: ${named.map(id => supplier.curatedNames.get(id) ?? id).join(', ')}`)];
	const inClass = asset.productClass !== null && rule.productClasses.includes(asset.productClass);
	if (test === 'covered-module') return coveredModule(rule, summary, asset, supplier, inClass);
	if (!inClass) return [];
	if (test === 'produced-abroad') {
		if (asset.countryOfOrigin === null)
			return [originUnknown(rule, summary, asset, 'no country of origin: the rule reaches products made outside the US')];
		if (asset.countryOfOrigin === 'US') return [];
		return [classFinding(rule, summary, asset, `produced in ${asset.countryOfOrigin} (outside the US)`)];
	}
	const covered = coveredCountrySet(rule);
	const countries = rule.coveredCountries.join(', ');
	if (asset.countryOfOrigin !== null && covered.has(asset.countryOfOrigin))
		return [classFinding(rule, summary, asset, `produced in ${asset.countryOfOrigin} (a covered country: ${countries})`)];
	if (supplier.country !== null && covered.has(supplier.country))
		return [classFinding(rule, summary, asset, `supplier based in ${supplier.country} (a covered country: ${countries})`)];
	if (asset.countryOfOrigin === null && supplier.country === null)
		return [
			originUnknown(
				rule,
				summary,
				asset,
				`no country of origin and no supplier country: the rule reaches products with a ${countries} nexus`,
			),
		];
	return [];
}

/** FCC 25-71: a radio module by a Covered List vendor, or a device containing one. */
function coveredModule(rule: ClassRule, summary: RuleSummary, asset: AssetRef, supplier: SupplierFacts, inClass: boolean): RuleFinding[] {
	const coveredSelf = supplier.curatedIds.filter(supplier.onCoveredList);
	if (inClass && coveredSelf.length)
		return [
			classFinding(
				rule,
				summary,
				asset,
				`a radio module by ${coveredSelf.map(id => supplier.curatedNames.get(id) ?? id).join(', ')} (on the FCC Covered List)`,
			),
		];
	const coveredParts = asset.components.filter(component => supplier.componentVendors(component).some(supplier.onCoveredList));
	if (coveredParts.length)
		return [
			classFinding(
				rule,
				summary,
				asset,
				`contains ${coveredParts.map(part => `"${part}"`).join(', ')} by a vendor on the FCC Covered List`,
			),
		];
	return [];
}

function findingId(kind: string, rule: ClassRule, asset: AssetRef): string {
	return `${kind}:${rule.id}:${asset.vendorId ?? asset.vendor}:${asset.source}`;
}

function classFinding(rule: ClassRule, summary: RuleSummary, asset: AssetRef, reason: string): ClassRuleFinding {
	return {
		kind: 'class-rule',
		id: findingId('class-rule', rule, asset),
		vendorId: asset.vendorId,
		vendor: asset.vendor,
		rule: summary,
		asset,
		reason,
		from: rule.milestones[0]?.date ?? rule.announced,
		until: rule.endDate,
		modelYears: rule.modelYearMilestones.length ? splitModelYears(rule.modelYearMilestones, asset.modelYear) : null,
	};
}

function originUnknown(rule: ClassRule, summary: RuleSummary, asset: AssetRef, reason: string): OriginUnknownFinding {
	return {
		kind: 'origin-unknown',
		id: findingId('origin-unknown', rule, asset),
		vendorId: asset.vendorId,
		vendor: asset.vendor,
		rule: summary,
		asset,
		reason,
	};
}

/** Model-year prohibitions apply to an asset of that model year or later; with no model year, none is ruled out. */
function splitModelYears(milestones: readonly ModelYearMilestone[], modelYear: number | null): NonNullable<ClassRuleFinding['modelYears']> {
	const sorted = [...milestones].sort((a, b) => a.modelYear - b.modelYear);
	if (modelYear === null) return {assetModelYear: null, applies: sorted, notYet: []};
	return {
		assetModelYear: modelYear,
		applies: sorted.filter(milestone => milestone.modelYear <= modelYear),
		notYet: sorted.filter(milestone => milestone.modelYear > modelYear),
	};
}

/** A model-year rule does not reach an asset older than its first prohibited model year. */
export const reachesModelYear = (finding: ClassRuleFinding): boolean =>
	finding.modelYears === null || finding.modelYears.assetModelYear === null || finding.modelYears.applies.length > 0;
