export {displayCell, type Column, type TableRow, type TableSpec} from './column.js';
export {arrangeColumns, choosableColumns, type ColumnChoice} from './column-choice.js';
export {layoutColumns, fitText, formatRow, markerWidth, type LaidOutColumn} from './layout.js';
export {
	vendorRows,
	vendorTable,
	queueTable,
	queueReasons,
	severityLegend,
	type VendorRow,
	type DecisionSummary,
	type HitSummary,
} from './vendors.js';
export {queueRows} from './queue.js';
export {jurisdictionRows, jurisdictionTable, type JurisdictionRow} from './jurisdictions.js';
export {restrictionRows, restrictionTable, type RestrictionRow} from './restrictions.js';
export {entryTable, type EntryRow} from './entries.js';
export {timelineRows, timelineTable, monthlyChart, relativeDays, type TimelineRow} from './timeline.js';
export {changeTable, type ChangeRow} from './changes.js';
export {renderTableText} from './text-table.js';
export {viewNames, type ViewName} from './views.js';
export {restrictionEvidenceLines, type DetailLine, type DetailSection} from './detail.js';
export {exposureSections, factLines, reachText, ruleDetailSections, ruleRows, ruleTable, type RuleRow} from './rules.js';
export {
	assetText,
	chainText,
	exposureCounts,
	findingKindLabels,
	findingSummary,
	findingsByVendor,
	type Count,
	type ExposureCounts,
} from './findings.js';
