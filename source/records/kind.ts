// The severity class of a list or instrument named in free text (a fetched
// list's name, a feed's instrument). Order matters: "Non-SDN CMIC" is no SDN listing.
import type {RestrictionKind} from './schema.js';

const kindRules: Array<[RestrictionKind, RegExp]> = [
	['investment', /CMIC|Military-Industrial/i],
	['sanctions', /OFAC|SDN|Specially Designated|Sectoral Sanctions|sanction/i],
	['prohibition', /ICTS|Denied Persons|Debarred/i],
	['export-control', /Entity List|Unverified List|Military End User|Nonproliferation|ITAR|Export/i],
	['telecom', /FCC|Section 214/i],
	['procurement', /NDAA|889|1634|1260H|Procurement/i],
];

export const kindOfList = (name: string): RestrictionKind => (kindRules.find(([, pattern]) => pattern.test(name)) ?? ['sanctions'])[0];
