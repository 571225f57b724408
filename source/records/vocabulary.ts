// Record rules that need no schema library: real dates (from dates/), restriction
// kinds and targets. Kept apart from schema.ts so the first paint does not load zod.

export {isRealPartialDate} from '../dates/index.js';

/** Restriction classes, most severe first (severity.ts ranks them, with whom they apply to). */
export const restrictionKinds = ['sanctions', 'prohibition', 'export-control', 'procurement', 'investment', 'telecom', 'advisory'] as const;

/**
 * Whom a restriction applies to: `company` (the company, its affiliates or its
 * products) or `persons` (only natural persons, such as executives: OFAC designated
 * twelve Kaspersky executives, not the company).
 */
export const restrictionTargets = ['company', 'persons'] as const;
