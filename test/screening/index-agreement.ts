// The check every index rule's test makes: the candidate index finds exactly the
// entries the exhaustive yardstick (every name scored) matches.
import {expect} from 'vitest';
import {matchName, matchNameExhaustive, type CandidateIndex} from '../../source/screening/index.js';

/** matchName finds for `query` the entries matchNameExhaustive does, and these hold `finds` when given. */
export function expectIndexAgrees(index: CandidateIndex, query: string, finds?: string): void {
	const expected = matchNameExhaustive(index, query).map(match => match.entity.id);
	if (finds !== undefined) expect(expected, query).toContain(finds);
	expect(
		matchName(index, query).map(match => match.entity.id),
		query,
	).toEqual(expected);
}
