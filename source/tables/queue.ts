// The review queue's order, shared by the TUI's Queue view and `list queue`.
import type {VendorRow} from './vendors.js';

/** Vendors that need a decision, most severe first, then by the nearest date. */
export function queueRows(rows: readonly VendorRow[]): VendorRow[] {
	return rows
		.filter(row => row.queue)
		.sort(
			(a, b) => b.severity - a.severity || (a.queueDate ?? '9999').localeCompare(b.queueDate ?? '9999') || a.name.localeCompare(b.name),
		);
}
