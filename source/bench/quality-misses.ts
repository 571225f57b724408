// `npm run bench -- --misses`: the variant tests the quality bench misses, sorted
// into categories by what the scorer says about the missed name against the
// closest of its entry's other names, so that work goes to the biggest categories
// with a general rule. A diagnosis, not a measure: the categories are read off the
// scorer's own explanation (its pairs, unpaired words and rules applied).
import {loadEmbeddedRecords} from '../records/index.js';
import type {ScreeningEntity} from '../records/index.js';
import {buildIndex, curatedNames, defaultThreshold, matchName, scoreCandidate, type CandidateScore} from '../screening/index.js';
import {foundElsewhere, loadNameTypes, loadRealLists, variantPositives, type Positive} from './evaluation-names.js';
import {sameNameRespelt, soundKey} from './variant-rule.js';

export type MissCategory =
	| 'the scorer matches, the index does not find it'
	| 'one approximate word scaled below the threshold'
	| 'person: a short word (<= 4 letters) respelt'
	| 'person: a longer word respelt beyond the edit rules'
	| 'organisation: a word respelt beyond the edit rules'
	| 'words joined or split differently'
	| 'words that differ in sound too (translation, another name)';

export type Miss = {positive: Positive; peer: string; best: CandidateScore | undefined; category: MissCategory};

/** Unpaired words of each side of the best peer's explanation. */
function unpaired(best: CandidateScore): {query: string[]; list: string[]} {
	const query: string[] = [];
	const list: string[] = [];
	for (const token of best.nameScore.tokenScores) {
		if (token.a !== null && token.b === null) query.push(token.a);
		if (token.b !== null && token.a === null) list.push(token.b);
	}
	return {query, list};
}

function categorise(best: CandidateScore | undefined, strict: boolean, foundByScorer: boolean): MissCategory {
	if (foundByScorer) return 'the scorer matches, the index does not find it';
	const other = 'words that differ in sound too (translation, another name)';
	if (!best) return other;
	const {query, list} = unpaired(best);
	const sounds = (words: string[]) => words.map(soundKey).join('');
	// A run of words on one side spelling a word of the other ("kyrgyz trans avia" / "kyrgyztransavia").
	const joined = (a: string[], b: string[]) => a.length >= 2 && b.some(word => word === a.join('') || sounds([word]) === sounds(a));
	if (joined(query, list) || joined(list, query)) return 'words joined or split differently';
	const respelt = query.flatMap(a => list.filter(b => soundKey(a) === soundKey(b) && soundKey(a) !== '').map(b => [a, b] as const));
	if (respelt.length > 0) {
		if (!strict) return 'organisation: a word respelt beyond the edit rules';
		return respelt.some(([a, b]) => Math.min(a.length, b.length) <= 4)
			? 'person: a short word (<= 4 letters) respelt'
			: 'person: a longer word respelt beyond the edit rules';
	}
	if (best.nameScore.notes.some(note => note.startsWith('the name rests on one word')))
		return 'one approximate word scaled below the threshold';
	return other;
}

export async function qualityMisses(): Promise<Miss[]> {
	const entities = await loadRealLists();
	const statisticsNames = loadEmbeddedRecords().vendors.flatMap(curatedNames);
	const {names, positives} = variantPositives(entities, loadNameTypes());
	const index = buildIndex(names, {statisticsNames});
	const byEntry = new Map<string, ScreeningEntity[]>();
	for (const name of names) {
		const entry = name.id.slice(0, name.id.indexOf('\u0000'));
		byEntry.set(entry, [...(byEntry.get(entry) ?? []), name]);
	}
	const misses: Miss[] = [];
	for (const positive of positives) {
		if (positive.label !== 'variant') continue;
		const matches = matchName(index, positive.query);
		const found = foundElsewhere(
			positive,
			matches.map(match => match.entity.id),
			matches.map(match => match.matchedName),
		);
		if (found) continue;
		const peers = (byEntry.get(positive.entityId) ?? []).filter(
			peer => peer.name !== positive.query && sameNameRespelt(positive.query, peer.name, peer.type === 'person'),
		);
		let best: CandidateScore | undefined;
		let bestPeer = peers[0];
		for (const peer of peers) {
			const score = scoreCandidate({name: positive.query}, peer, index.statistics);
			if (!best || score.score > best.score) [best, bestPeer] = [score, peer];
		}
		// Persons, vessels and aircraft are scored as whole names (score.ts): their misses are their own categories.
		const strict = bestPeer?.type === 'person' || bestPeer?.type === 'vessel' || bestPeer?.type === 'aircraft';
		misses.push({positive, peer: bestPeer?.name ?? '', best, category: categorise(best, strict, (best?.score ?? 0) >= defaultThreshold)});
	}
	return misses;
}

/** Prints the misses, category by category, biggest first, each with the scorer's explanation of its closest peer. */
export async function printMisses(): Promise<void> {
	const misses = await qualityMisses();
	const byCategory = new Map<MissCategory, Miss[]>();
	for (const miss of misses) byCategory.set(miss.category, [...(byCategory.get(miss.category) ?? []), miss]);
	const ordered = [...byCategory].sort((x, y) => y[1].length - x[1].length);
	console.log(`${misses.length} variant tests missed (threshold ${defaultThreshold}):`);
	for (const [category, items] of ordered) {
		const latin = items.filter(item => item.positive.category === 'alias').length;
		console.log(`  ${String(items.length).padStart(4)}  ${category} (Latin ${latin}, other scripts ${items.length - latin})`);
	}
	for (const [category, items] of ordered) {
		console.log(`\n## ${category}`);
		for (const {positive, peer, best} of items) {
			const tokens = best?.nameScore.tokenScores.map(token => `${token.a ?? '-'}/${token.b ?? '-'} ${token.score}`).join(', ');
			const rules = best?.nameScore.notes.length ? ` [${best.nameScore.notes.join('; ')}]` : '';
			console.log(`"${positive.query}" ~ "${peer}" ${best?.score.toFixed(3) ?? '-'}: ${tokens ?? ''}${rules}`);
		}
	}
}
