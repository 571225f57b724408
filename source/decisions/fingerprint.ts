// What a decision was made on: a fingerprint of the vendor's record and its
// restrictions, so a later change to either makes the decision visibly stale.
import type {Restriction, Vendor} from '../records/index.js';
import {sha256Hex} from '../text/index.js';
import {canonicalJson} from './canonical.js';

/** SHA-256 of the canonical JSON of the vendor and its own restrictions (sorted by id, so input order does not matter). */
export function fingerprintVendor(vendor: Vendor, restrictions: readonly Restriction[]): string {
	const own = restrictions
		.filter(restriction => restriction.vendorId === vendor.id)
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	// The version member lets a future change of what is fingerprinted be told apart from a change of the data.
	return sha256Hex(canonicalJson({fingerprintVersion: 1, vendor, restrictions: own}));
}
