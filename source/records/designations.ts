// Short labels for jurisdiction designations, for narrow table columns.
import type {Designation, Jurisdiction} from './schema.js';

const shortLabels: Record<string, string> = {
	foreign_adversary_15_CFR_791_4: 'FA-791.4',
	foreign_adversary_country_PAFACA: 'FA-PAFACA',
	ofac_comprehensive: 'OFAC-embargo',
};

export const designationLabel = (designation: Designation) => shortLabels[designation.list] ?? designation.list;

/** Designations in force on a day: started (or undated) and not yet ended. */
export function activeDesignations(jurisdiction: Jurisdiction | undefined, asOf: string): Designation[] {
	if (!jurisdiction) return [];
	return jurisdiction.designations.filter(designation => {
		if (designation.until && designation.until <= asOf) return false;
		if (/^(ended|repealed|revoked)/i.test(designation.statusNote ?? '')) return false;
		// Change records (e.g. Syria's easing) are history, not standing designations.
		return shortLabels[designation.list] !== undefined;
	});
}
