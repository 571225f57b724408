export {displayCell, type Column, type TableRow, type TableSpec} from './column.js';
export {layoutColumns, fitText, formatRow, markerWidth, type LaidOutColumn} from './layout.js';
export {vendorRows, vendorTable, queueTable, type VendorRow, type DecisionSummary, type HitSummary} from './vendors.js';
export {jurisdictionRows, jurisdictionTable, type JurisdictionRow} from './jurisdictions.js';
export {restrictionRows, restrictionTable, type RestrictionRow} from './restrictions.js';
export {entryTable, type EntryRow} from './entries.js';
export {timelineRows, timelineTable, monthlyChart, relativeDays, type TimelineRow} from './timeline.js';
export {changeTable, type ChangeRow} from './changes.js';
export type {DetailLine, DetailSection} from './detail.js';
