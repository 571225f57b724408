// Scores an inventory name against a whole list entry: the best of the entry's
// name and aliases, adjusted a little for country agreement.
import type {ScreeningEntity} from '../records/index.js';
import {adjustForCountry, countryAgreement, type CountryAgreement} from './country.js';
import {normalizeName} from './normalize.js';
import {namesMatchedAlone} from './person-names.js';
import {scoreNames, type EntryKind, type NameScore} from './score.js';
import type {TokenStatistics} from './token-weights.js';

export type CandidateQuery = {name: string; country?: string | null};

export type CandidateScore = {
	score: number;
	/** The entry's name or alias that scored best. */
	matchedName: string;
	nameScore: NameScore;
	countryAgreement: CountryAgreement;
};

export function entityKind(entity: Pick<ScreeningEntity, 'type'>): 'person' | 'entity' {
	return entity.type === 'person' ? 'person' : 'entity';
}

/** Persons, vessels and aircraft are matched only on (near-)exact full names; companies and other organisations at full weight. */
export function entryKind(entity: Pick<ScreeningEntity, 'type'>): EntryKind {
	return entity.type === 'person' || entity.type === 'vessel' || entity.type === 'aircraft' ? 'strict' : 'organisation';
}

export function scoreCandidate(query: CandidateQuery, entity: ScreeningEntity, statistics?: TokenStatistics): CandidateScore {
	let best: {name: string; nameScore: NameScore} | undefined;
	const kind = entityKind(entity);
	const names = [entity.name, ...entity.aliases];
	// As the candidate index: a person's given or family name published alone is not scored alone (person-names.ts).
	const alone = namesMatchedAlone(
		names.map(name => normalizeName(name, {kind}).tokens),
		kind === 'person',
	);
	for (const name of names.filter((_name, at) => alone[at])) {
		const nameScore = scoreNames(query.name, name, {kindB: kind, entryKind: entryKind(entity), statistics});
		if (!best || nameScore.score > best.nameScore.score) best = {name, nameScore};
	}
	const agreement = countryAgreement(query.country, entity.countries);
	return {
		score: adjustForCountry(best!.nameScore.score, agreement),
		matchedName: best!.name,
		nameScore: best!.nameScore,
		countryAgreement: agreement,
	};
}
