// Ownership by listed parties, through chains, as OFAC's 50 Percent Rule guidance
// (FAQs 398-401) describes it: stakes of different listed owners are added up;
// an entity owned 50% or more in aggregate is itself treated as listed, so its
// own stakes count in full further down ("indirectly", FAQ 401); a stake held
// through an entity that is not so owned does not count. Each chain also shows the
// listed party's economic share, the percentages multiplied along the chain.
import type {OwnershipChain, OwnershipList} from '../records/index.js';

/** A party in the ownership graph: a vendor, a named owner, or a list entry. */
export type OwnershipNode = {
	key: string;
	name: string;
	/** The lists it is on itself, each with where that was seen. */
	listed: ReadonlyArray<{list: OwnershipList; source: string}>;
	owners: ReadonlyArray<{node: OwnershipNode; percent: number | null}>;
};

export type OwnershipResult = {
	/** Percent owned in aggregate by owners that are listed or themselves 50%+ owned. */
	aggregatePercent: number;
	chains: OwnershipChain[];
	/** Listed (or possibly 50%+ owned) owners whose share is not known: BIS red flag 29. */
	unknownShare: Array<{name: string; list: OwnershipList; source: string}>;
};

const threshold = 50;

/** The aggregate ownership of `node` by parties on `list`, with the chains that prove it. */
export function ownershipBy(node: OwnershipNode, list: OwnershipList): OwnershipResult {
	return aggregate(node, list, new Set([node.key]));
}

function aggregate(node: OwnershipNode, list: OwnershipList, path: Set<string>): OwnershipResult {
	const result: OwnershipResult = {aggregatePercent: 0, chains: [], unknownShare: []};
	for (const {node: owner, percent} of node.owners) {
		// A cycle (A owns B owns A) adds nothing new along this path.
		if (path.has(owner.key)) continue;
		const own = owner.listed.filter(item => item.list === list);
		const above = own.length ? null : aggregate(owner, list, new Set([...path, owner.key]));
		const counts = own.length > 0 || (above !== null && above.aggregatePercent >= threshold);
		if (counts && percent === null) {
			result.unknownShare.push(
				...(own.length ? own : [{list, source: `${threshold}%+ owned by listed parties`}]).map(item => ({name: owner.name, ...item})),
			);
			continue;
		}
		if (counts) {
			result.aggregatePercent += percent!;
			const step = {owner: owner.name, owned: node.name, percent: percent!};
			const upstream: OwnershipChain[] = own.length
				? own.map(item => ({listed: {name: owner.name, ...item}, steps: [], counted: 100, share: 100}))
				: above!.chains;
			for (const chain of upstream)
				result.chains.push({listed: chain.listed, steps: [...chain.steps, step], counted: percent!, share: (chain.share * percent!) / 100});
			continue;
		}
		// An owner with listed owners of unknown share might itself be 50%+ owned: that is unknown too.
		if (above !== null && above.unknownShare.length) result.unknownShare.push(...above.unknownShare);
	}
	result.aggregatePercent = Math.min(100, Math.round(result.aggregatePercent * 1000) / 1000);
	return result;
}
