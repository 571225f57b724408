// A screening-list entry, whatever list it came from (CSL, OFAC, OpenSanctions),
// and the formats of list data the app reads: the one list of them.
export type EntityType = 'entity' | 'person' | 'vessel' | 'aircraft' | 'other';

export type ScreeningEntity = {
	/** The list's own id (CSL _id, OFAC ent_num, OpenSanctions id), else "sha256:<hex>" of the content. */
	id: string;
	name: string;
	aliases: string[];
	type: EntityType;
	addresses: string[];
	/** ISO 3166 alpha-2 where the source gives codes; the source's own text otherwise. */
	countries: string[];
	/** The list it is on, e.g. "Entity List (EL) - Bureau of Industry and Security" or "SDN". */
	list: string;
	programs: string[];
	/** YYYY-MM-DD when the source gives it. */
	listedOn: string | null;
	federalRegisterNotice: string | null;
	remarks: string | null;
	sourceUrls: string[];
	/** Identifiers such as registration numbers, "type: value". */
	identifiers: string[];
	/** Who owns this entity and how much, where the source says (OpenSanctions FtM `Ownership`). */
	ownedBy?: OwnershipLink[];
};

/** One owner of a list entry: the owner's entry id in the same source, and its share when known. */
export type OwnershipLink = {
	ownerId: string;
	/** Percent, 0-100; null when the source names the owner without a share. */
	percent: number | null;
	/** The day the ownership ended, when the source says; it no longer counts from then. */
	endDate: string | null;
};

export type SourceFormat = 'records' | 'csl-json' | 'csl-csv' | 'ofac-csv' | 'ofac-xml' | 'opensanctions-ftm' | 'opensanctions-csv';
export const sourceFormats: readonly SourceFormat[] = [
	'records',
	'csl-json',
	'csl-csv',
	'ofac-csv',
	'ofac-xml',
	'opensanctions-ftm',
	'opensanctions-csv',
];
