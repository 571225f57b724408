// What applying the class rules and the ownership rules to an organisation's
// inventory and assets finds (exposure/ computes them). The types live here, in
// the domain, because the tables, the commands and the TUI all read them.
import type {OwnershipList} from './kind.js';
import type {Milestone, ModelYearMilestone, RestrictionKind, Verification} from './schema.js';
import type {RestrictionStatus} from './status.js';

/** One product line of an inventory row, or one row of an assets file. */
export type AssetRef = {
	/** The inventory vendor the asset belongs to, when it is in the inventory. */
	vendorId: string | null;
	vendor: string;
	product: string | null;
	/** The category as written. */
	category: string | null;
	/** The rule vocabulary's product class for the category, or null when not known. */
	productClass: string | null;
	/** ISO 3166 alpha-2, or null when not given (or not recognisable). */
	countryOfOrigin: string | null;
	components: string[];
	modelYear: number | null;
	quantity: number | null;
	/** Where it came from: "assets.csv line 4", "inventory.csv line 2". */
	source: string;
};

/** A class rule as a finding shows it, with its status on the day judged. */
export type RuleSummary = {
	id: string;
	title: string;
	authority: string;
	instrument: string;
	/** Its severity class (the ownership rules: sanctions for OFAC, export-control for BIS). */
	kind: RestrictionKind;
	status: RestrictionStatus;
	/** "suspended until 2026-11-09", "unknown after 2026-11-09", "active". */
	statusLabel: string;
	milestones: Milestone[];
	modelYearMilestones: ModelYearMilestone[];
	officialUrl: string | null;
	verification: Verification;
	/** Shown with an `unknown` status: why it is unknown. */
	evidence: string | null;
};

type FindingBase = {
	/** Stable within a run: kind, rule, vendor and asset. */
	id: string;
	/** The inventory vendor, or null for an asset whose vendor is not in the inventory. */
	vendorId: string | null;
	vendor: string;
	rule: RuleSummary;
};

export type ClassRuleFinding = FindingBase & {
	kind: 'class-rule';
	asset: AssetRef;
	/** Why the rule reaches the asset: "produced in CN (outside the US)", "named in the rule: DJI". */
	reason: string;
	/** From when it applies (the rule's first milestone), and until when (its end date; null: open-ended). */
	from: string | null;
	until: string | null;
	/** Model-year milestones split by the asset's model year (null: the rule has none). */
	modelYears: {assetModelYear: number | null; applies: ModelYearMilestone[]; notYet: ModelYearMilestone[]} | null;
};

export type OriginUnknownFinding = FindingBase & {
	kind: 'origin-unknown';
	asset: AssetRef;
	reason: string;
};

/** One path of ownership from a listed party down to the vendor. */
export type OwnershipChain = {
	listed: {name: string; list: OwnershipList; source: string};
	/** From the listed party down to the vendor. */
	steps: Array<{owner: string; owned: string; percent: number}>;
	/** The stake that counts toward the vendor's aggregate: the last step's (each owner above it is itself listed or 50%+ owned). */
	counted: number;
	/** The listed party's economic share through this path: the percentages multiplied. */
	share: number;
};

export type OwnershipFinding = FindingBase & {
	kind: 'ownership';
	/** Percent owned in aggregate by listed (or themselves 50%+ owned) parties. */
	aggregatePercent: number;
	chains: OwnershipChain[];
};

export type OwnershipUnknownFinding = FindingBase & {
	kind: 'ownership-unknown';
	/** What the known shares add up to (below 50). */
	knownPercent: number;
	owners: Array<{name: string; list: OwnershipList; source: string}>;
};

export type ExposureFinding = ClassRuleFinding | OriginUnknownFinding | OwnershipFinding | OwnershipUnknownFinding;
export type FindingKind = ExposureFinding['kind'];

/** A category no rule vocabulary entry knows: listed for the reviewer, never guessed. */
export type UnknownCategory = {category: string; count: number; where: string[]; hint: string | null};

export type Exposure = {findings: ExposureFinding[]; unknownCategories: UnknownCategory[]; assetsChecked: number};

export const noExposure: Exposure = {findings: [], unknownCategories: [], assetsChecked: 0};
