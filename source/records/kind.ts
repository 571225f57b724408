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

/** The lists whose parties the ownership rules count: blocked persons (OFAC SDN) and the BIS end-user lists. */
export type OwnershipList = 'sdn' | 'entity-list';

/**
 * Which ownership-relevant list a list name is: the SDN List (not "Non-SDN"
 * lists such as NS-CMIC, which the 50 Percent Rule does not reach), or the Entity
 * List / Military End-User List that the BIS Affiliates rule extends. Null otherwise.
 */
export function ownershipListOf(name: string): OwnershipList | null {
	if (/non[- ]sdn|CMIC/i.test(name)) return null;
	if (/\bSDN\b|Specially Designated Nationals|us_ofac_sdn/i.test(name)) return 'sdn';
	if (/Entity List|\(EL\)|Military End[- ]User|\bMEU\b|us_bis_entity|us_trade_csl_el/i.test(name)) return 'entity-list';
	return null;
}
