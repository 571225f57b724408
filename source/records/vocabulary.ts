// Record rules that need no schema library: real dates (from dates/) and restriction kinds.
// Kept apart from schema.ts so the first paint does not load zod.

export {isRealPartialDate} from '../dates/index.js';

/** How hard a restriction bites; ranks the "most severe instrument". */
export const restrictionKinds = ['sanctions', 'prohibition', 'export-control', 'procurement', 'investment', 'telecom', 'advisory'] as const;
