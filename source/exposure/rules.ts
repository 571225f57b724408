// How a class rule's fields are read as a test (docs/records.md, "Class rules"),
// and a rule as a finding shows it on the day judged.
import {
	kindOfList,
	ruleStatusOn,
	statusLabel,
	type ClassRule,
	type OwnershipList,
	type RestrictionKind,
	type RuleSummary,
} from '../records/index.js';

/**
 * The test a rule applies, read from its fields: ownership rules by their
 * "(ownership-based)" product class; "contains a covered module" by its origin
 * condition; `*foreign*` means produced outside the United States; otherwise a
 * nexus to the covered countries (the product's origin, else its supplier's country).
 */
export type RuleTest = 'ownership' | 'covered-module' | 'produced-abroad' | 'country-nexus';

export function ruleTestOf(rule: Pick<ClassRule, 'productClasses' | 'originCondition' | 'coveredCountries'>): RuleTest {
	if (rule.productClasses.some(productClass => /ownership-based/i.test(productClass))) return 'ownership';
	if (/covered module/i.test(rule.originCondition)) return 'covered-module';
	if (rule.coveredCountries.includes('*foreign*')) return 'produced-abroad';
	return 'country-nexus';
}

/** Whose ownership an ownership rule counts, from its origin condition: blocked persons (SDN), or Entity List / MEU parties. */
export function ownershipListOfRule(rule: Pick<ClassRule, 'originCondition'>): OwnershipList | null {
	if (/Entity List|End-User List/i.test(rule.originCondition)) return 'entity-list';
	if (/blocked person/i.test(rule.originCondition)) return 'sdn';
	return null;
}

/** The severity class of a rule's findings: the ownership rules by their list, the others by their instrument. */
export function ruleKind(rule: ClassRule): RestrictionKind {
	const list = ruleTestOf(rule) === 'ownership' ? ownershipListOfRule(rule) : null;
	if (list === 'sdn') return 'sanctions';
	if (list === 'entity-list') return 'export-control';
	return kindOfList(rule.instrument);
}

export function ruleSummary(rule: ClassRule, asOf: string): RuleSummary {
	const status = ruleStatusOn(rule, asOf);
	return {
		id: rule.id,
		title: rule.title,
		authority: rule.authority,
		instrument: rule.instrument,
		kind: ruleKind(rule),
		status: status.status,
		statusLabel: statusLabel(status),
		milestones: rule.milestones,
		modelYearMilestones: rule.modelYearMilestones,
		officialUrl: rule.officialUrl,
		verification: rule.verification,
		evidence: status.status === 'unknown' ? rule.evidence : null,
	};
}

/** Countries that count as a covered country: 15 CFR 791.4's China entry includes Hong Kong and Macau (see the CN jurisdiction's note). */
const sameAs: Record<string, readonly string[]> = {CN: ['CN', 'HK', 'MO']};

export function coveredCountrySet(rule: Pick<ClassRule, 'coveredCountries'>): Set<string> {
	return new Set(rule.coveredCountries.flatMap(code => sameAs[code] ?? [code]));
}
