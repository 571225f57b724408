// The check many rule tests make: pairs of spellings of one name still meet.
import {expect} from 'vitest';
import {defaultThreshold, scoreNames} from '../../source/screening/index.js';

/** Each pair (the name screened, the listed name) scores at the threshold or above; `options` as scoreNames takes them. */
export function expectNamesMeet(pairs: ReadonlyArray<readonly [string, string]>, options?: Parameters<typeof scoreNames>[2]): void {
	for (const [query, listed] of pairs)
		expect(scoreNames(query, listed, options).score, `${query} ${listed}`).toBeGreaterThanOrEqual(defaultThreshold);
}
