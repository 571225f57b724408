import {describe, expect, test} from 'vitest';
import {resolveVendorReference} from '../../source/app-context/vendor-reference.js';
import {UserInputError} from '../../source/errors/index.js';

const vendor = (id: string, name: string, aliases: string[] = [], hq: string | null = null) => ({id, name, aliases, hq});
function catalogOf(...vendors: Array<ReturnType<typeof vendor>>) {
	return {vendors, vendorById: new Map(vendors.map(item => [item.id, item]))};
}

describe('resolveVendorReference', () => {
	const catalog = catalogOf(
		vendor('kaspersky-lab', 'Kaspersky Lab', ['Лаборатория Касперского']),
		vendor('acme-acme-com', 'Acme', [], 'US'),
		vendor('acme-acme-de', 'Acme', [], 'DE'),
		vendor('globex', 'Globex Corporation', ['Acme']),
	);

	test('an id is taken as it is', () => expect(resolveVendorReference(catalog, 'acme-acme-de')).toBe('acme-acme-de'));

	test('a name as written, whatever its case and punctuation, names its vendor', () => {
		expect(resolveVendorReference(catalog, 'kaspersky  lab')).toBe('kaspersky-lab');
		expect(resolveVendorReference(catalog, 'GLOBEX, CORPORATION')).toBe('globex');
		expect(resolveVendorReference(catalog, 'лаборатория касперского')).toBe('kaspersky-lab');
	});

	test('a name two vendors share is refused with both ids; a name beats an alias', () => {
		expect(() => resolveVendorReference(catalog, 'acme')).toThrow(UserInputError);
		expect(() => resolveVendorReference(catalog, 'acme')).toThrow(
			'"acme" names 2 vendors: acme-acme-com (Acme, US), acme-acme-de (Acme, DE)',
		);
	});

	test('nothing matching leaves the reference for the caller to report as unknown', () =>
		expect(resolveVendorReference(catalog, 'Initech')).toBe('Initech'));
});
