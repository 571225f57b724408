// Decisions are kept against an inventory vendor's id (issue 21 §1): the id must follow
// from what the rows say, so re-sorting the file can never move a decision to another vendor.
import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {parseInventory} from '../../source/screening/index.js';
import {transliterate} from 'transliteration';
import {domainOf, slugify, unsluggedId} from '../../source/screening/vendor-identity.js';

/** Each row carries a tag in its products cell: the id of the vendor that row became, by tag. */
const idsByTag = (csv: string) => {
	const {vendors} = parseInventory(csv, 'inventory.csv');
	return new Map(vendors.flatMap(vendor => vendor.products.map(tag => [tag, vendor.id] as const)));
};

describe('vendor identity', () => {
	test('an explicit id column names the vendor, whatever its name says', () => {
		const {vendors, errors} = parseInventory('Vendor ID,Vendor,Country\nV-17,Acme,US\nV-18,Acme,DE\n', 'x.csv');
		expect(errors).toEqual([]);
		expect(vendors.map(vendor => [vendor.id, vendor.country])).toEqual([
			['v-17', 'US'],
			['v-18', 'DE'],
		]);
	});

	test('two vendors of one name are told apart by their websites, each id naming its domain', () => {
		const {vendors, errors} = parseInventory(
			'Vendor,Website\nAcme,https://www.acme.com/about\nAcme,acme.de\nAcme,http://ACME.com\n',
			'x.csv',
		);
		expect(errors).toEqual([]);
		expect(vendors.map(vendor => vendor.id)).toEqual(['acme-acme-com', 'acme-acme-de']);
	});

	test('names with no letter or digit once transliterated stay apart, each keeping its id on any row order', () => {
		const csv = 'Vendor,Products\nꯃꯣꯍꯝꯃꯦꯗ,a\nⴰⵎⴰⵣⵉⵖ,b\n---,c\n***,d\nꯃꯣꯍꯝꯃꯦꯗ,e\n';
		const ids = idsByTag(csv);
		expect(new Set([ids.get('a'), ids.get('b'), ids.get('c'), ids.get('d')]).size).toBe(4);
		expect(ids.get('e')).toBe(ids.get('a'));
		for (const id of ids.values()) expect(id).toMatch(/^vendor-[0-9a-f]{10}$/);
		const [header, ...rows] = csv.trim().split('\n');
		expect(idsByTag([header, ...rows.reverse()].join('\n'))).toEqual(ids);
	});

	test('a row without a website joins the one vendor of its name that has one', () => {
		const {vendors} = parseInventory('Vendor,Website,Products\nAcme,acme.com,Anvils\nAcme,,Rockets\n', 'x.csv');
		expect(vendors).toHaveLength(1);
		expect(vendors[0]).toMatchObject({id: 'acme', website: 'acme.com', products: ['Anvils', 'Rockets']});
	});

	test('a row that cannot be told apart is reported by its line, stands alone, and loses nothing', () => {
		const {vendors, errors} = parseInventory('Vendor,Website\nAcme,acme.com\nAcme,acme.de\nAcme,\n', 'x.csv');
		expect(vendors.map(vendor => vendor.id)).toEqual(['acme-acme-com', 'acme-acme-de', 'acme']);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^x\.csv line 4: "Acme" has no website or id.*acme\.com, acme\.de.*add an id column/);
	});

	test('repeated rows that disagree say so and keep the first', () => {
		const {vendors, errors} = parseInventory('Vendor,Country\nAcme,US\nAcme,DE\n', 'x.csv');
		expect(vendors).toEqual([expect.objectContaining({id: 'acme', country: 'US'})]);
		expect(errors).toEqual([expect.stringMatching(/^x\.csv line 3: country "DE" differs from "US" on line 2.*add an id column/)]);
	});

	test('every row keeps its id when the rows are re-sorted', () => {
		const rows = fc.uniqueArray(
			fc.record({
				name: fc.constantFrom('Acme', 'ACME', 'Acme Corp', 'Acme Corp.', 'Globex', 'Initech', 'Äcme'),
				website: fc.constantFrom('', 'acme.com', 'acme.de', 'www.globex.com', 'https://initech.io/x'),
				country: fc.constantFrom('US', 'DE', 'FR', 'CN'),
			}),
			{minLength: 1, maxLength: 12, selector: row => `${row.name}|${row.website}|${row.country}`},
		);
		fc.assert(
			fc.property(rows, fc.func(fc.integer()), (written, order) => {
				const tagged = written.map((row, index) => ({...row, tag: `row-${index}`}));
				const csv = (list: typeof tagged) =>
					`Vendor,Website,Country,Products\n${list.map(row => `${row.name},${row.website},${row.country},${row.tag}`).join('\n')}\n`;
				const shuffled = [...tagged].sort((a, b) => order(a.tag) - order(b.tag) || a.tag.localeCompare(b.tag));
				expect(idsByTag(csv(shuffled))).toEqual(idsByTag(csv(tagged)));
			}),
		);
	});

	test('a domain is the host of a website, without scheme, www, port or path', () => {
		expect(domainOf('https://www.Acme.com:8443/about?x=1')).toBe('acme.com');
		expect(domainOf('acme.co.uk')).toBe('acme.co.uk');
		expect(domainOf('not a website')).toBeNull();
		expect(domainOf('')).toBeNull();
	});

	test('an ASCII name, slugged without transliterating it, gets the slug transliteration gives', () => {
		// The full path of slugify before its ASCII shortcut: the shortcut must change no vendor's id.
		const transliterated = (name: string) =>
			transliterate(name.normalize('NFKC'))
				.normalize('NFD')
				.replace(/\p{M}/gu, '')
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-+|-+$/g, '')
				.slice(0, 60)
				.replace(/-+$/, '') || unsluggedId(name);
		const printable = fc.string({unit: fc.integer({min: 0x20, max: 0x7e}).map(code => String.fromCharCode(code)), maxLength: 80});
		fc.assert(
			fc.property(printable, name => {
				expect(slugify(name)).toBe(transliterated(name));
			}),
		);
		for (const name of ['  Acme  Corp. ', '---', '', 'AT&T Inc.', 'Procter & Gamble Co.', `${'x'.repeat(59)}-tail`])
			expect(slugify(name)).toBe(transliterated(name));
		// Other text still goes through transliteration.
		expect(slugify('Café Zürich')).toBe('cafe-zurich');
		expect(slugify('北京')).toBe(transliterated('北京'));
	});
});
