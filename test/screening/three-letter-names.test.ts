// A three-letter word ("MSP", "VTB", "ADT") is a name many companies share: when it is
// the only word two names agree on and each name says more that the other lacks, it is
// no match ("MSP Recovery" and "MSP Bank"); alone on one side, or beside other words
// that agree, it still is ("VTB" and "VTB Bank", "VTB Bank (Kiev)" and "VTB Bank").
import {describe, expect, test} from 'vitest';
import {buildIndex, defaultThreshold, namedVendor, scoreNames, screenInventory} from '../../source/screening/index.js';
import {makeEntity} from './fixtures.js';
import {expectIndexAgrees} from './index-agreement.js';

const entries = [
	makeEntity({id: 'msp-bank', name: 'MSP BANK AO'}),
	makeEntity({id: 'vtb-bank', name: 'VTB BANK PJSC'}),
	makeEntity({id: 'zte-kangxun', name: 'ZTE KANGXUN TELECOM CO., LTD.'}),
];
const index = buildIndex(entries);
const hitIds = (name: string) => screenInventory([namedVendor(name)], index).map(hit => hit.entry.id);

describe('a three-letter word agreeing alone', () => {
	test('is no match when each name has words the other lacks, and the explanation says why', () => {
		const {score, notes} = scoreNames('MSP Recovery, Inc.', 'MSP BANK AO');
		expect(score).toBeLessThan(defaultThreshold);
		expect(notes).toContain('only a three-letter word agrees, and each name has words the other lacks: score halved');
		expect(scoreNames('ZTE Logistics', 'ZTE KANGXUN TELECOM CO., LTD.').score).toBeLessThan(defaultThreshold);
		expect(hitIds('MSP Recovery, Inc.')).toEqual([]);
		expectIndexAgrees(index, 'MSP Recovery, Inc.');
	});

	test('still matches when one name is that word alone', () => {
		expect(scoreNames('VTB', 'VTB BANK PJSC').score).toBeGreaterThanOrEqual(defaultThreshold);
		expect(hitIds('MSP')).toEqual(['msp-bank']);
		expectIndexAgrees(index, 'VTB', 'vtb-bank');
	});

	test('still matches beside other words that agree, generic ones included', () => {
		expect(scoreNames('PJSC VTB BANK (KIEV)', 'VTB BANK PJSC').score).toBeGreaterThanOrEqual(defaultThreshold);
		expectIndexAgrees(index, 'PJSC VTB BANK (KIEV)', 'vtb-bank');
	});
});
