// What a reviewer types to name a vendor on the command line: its id, or its name as
// the inventory or the records write it. A name two vendors share is refused, naming
// both ids, rather than guessed: a decision on the wrong one is worse than a retry.
import {UserInputError} from '../errors/index.js';
import {sanitizeText} from '../text/index.js';

/** Case, width and punctuation folded away: "ACME, Inc." and "acme inc" are one name. */
const folded = (name: string) =>
	name
		.normalize('NFKC')
		.toLocaleLowerCase('en')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/** The vendor id a reference names; the reference itself when nothing matches (the caller reports it as unknown). */
type NamedVendor = {id: string; name: string; aliases: readonly string[]; hq: string | null};

export function resolveVendorReference(
	catalog: {vendors: readonly NamedVendor[]; vendorById: ReadonlyMap<string, unknown>},
	reference: string,
): string {
	if (catalog.vendorById.has(reference)) return reference;
	const wanted = folded(reference);
	if (wanted === '') return reference;
	const byName = catalog.vendors.filter(vendor => folded(vendor.name) === wanted);
	const byAlias = catalog.vendors.filter(vendor => vendor.aliases.some(alias => folded(alias) === wanted));
	const matches = byName.length ? byName : byAlias;
	if (matches.length === 1) return matches[0]!.id;
	if (matches.length > 1)
		throw new UserInputError(
			`"${sanitizeText(reference)}" names ${matches.length} vendors: ${matches.map(vendor => `${vendor.id} (${sanitizeText(vendor.name)}${vendor.hq ? `, ${vendor.hq}` : ''})`).join(', ')}`,
			{hint: 'give the vendor id instead (vendor-risk list vendors shows them)'},
		);
	return reference;
}
