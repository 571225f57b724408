// CSL field conventions: ids rewritten to "type: value (country)" exactly as the
// split-and-regex reading did it, whatever the commas and capitals.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {cslIdentifier} from '../../../source/sources/parsers/csl-fields.js';

/** The reading cslIdentifier replaced, kept as its definition. */
function splitReading(id: string): string {
	const parts = id.split(', ');
	if (parts.length !== 3) return id;
	const [first, number, last] = parts as [string, string, string];
	if (/^[A-Z]{2}$/.test(first)) return `${last}: ${number} (${first})`;
	if (/^[A-Z]{2}$/.test(last)) return `${first}: ${number} (${last})`;
	return id;
}

describe('cslIdentifier', () => {
	it('puts the type first and the country in brackets, whichever end the country is at', () => {
		expect(cslIdentifier('CN, 91110000MA005UCQ5P, Unified Social Credit Code (USCC)')).toBe(
			'Unified Social Credit Code (USCC): 91110000MA005UCQ5P (CN)',
		);
		expect(cslIdentifier('Passport, A1234567, RU')).toBe('Passport: A1234567 (RU)');
	});

	it('keeps ids without a country code, or with other than three parts, as they are', () => {
		expect(cslIdentifier('5030056754, Tax ID No.')).toBe('5030056754, Tax ID No.');
		expect(cslIdentifier('Subject to Directive 3, Executive Order 13662 Directive Determination -')).toBe(
			'Subject to Directive 3, Executive Order 13662 Directive Determination -',
		);
		expect(cslIdentifier('Cn, 1, Passport')).toBe('Cn, 1, Passport');
		expect(cslIdentifier('CN, 1, 2, Passport')).toBe('CN, 1, 2, Passport');
	});

	it('reads any text as the split-and-regex reading did', () => {
		const id = fc.string({unit: fc.constantFrom('C', 'N', 'x', ',', ' ', ', ', ',,', '1', '\n'), maxLength: 30});
		fc.assert(
			fc.property(id, text => {
				expect(cslIdentifier(text)).toBe(splitReading(text));
			}),
			{numRuns: 5000},
		);
	});
});
