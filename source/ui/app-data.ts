// What the TUI is given to show: the caller's data, loaded outside the UI.
import type {PendingCountersign, SourceState} from '../app-context/index.js';
import type {Catalog, Exposure} from '../records/index.js';
import type {ChangeRow, DecisionSummary, DetailSection, EntryRow, HitSummary} from '../tables/index.js';
import type {DecisionCheck, DecisionChoices} from './decision-form.js';

export type {PendingCountersign, SourceState};

export type AppData = {
	catalog: Catalog;
	asOf: string;
	entries: EntryRow[];
	sources: SourceState[];
	decisionOf?: (vendorId: string) => DecisionSummary | null;
	/** Sections later capabilities add to a vendor's detail: decision history, screening hits (the focused one marked). */
	detailSections?: (vendorId: string, focusedHit?: string) => DetailSection[];
	hitsOf?: (vendorId: string) => HitSummary | null;
	/** What changed in the fetched lists since the previous fetch, with the vendors each change touches. */
	changes?: ChangeRow[];
	/** The list-entry ids of a vendor's hits, in the order the detail shows them. */
	hitIdsOf?: (vendorId: string) => string[];
	/** Problems with inputs that did not stop the run (bad inventory rows, source warnings): shown once at start. */
	warnings?: string[];
	/** True for the first frame's data, until the sources' cache and the decision log have loaded. */
	loading?: boolean;
	/** What the decision form offers (outcomes, reasons by outcome); absent until the decision log has loaded. */
	decisionChoices?: DecisionChoices;
	/**
	 * A shared decision log's state for the status bar, longest form first ("shared log OFFLINE: read-only
	 * from this machine's copy … · 1 entry unsent …", then shorter ones); absent for the local log.
	 */
	storeStatus?: readonly string[] | null;
	/** Why decisions cannot be saved (e.g. the log is corrupt and open read-only), or null. */
	readOnlyReason?: string | null;
	/** The class-rule and ownership findings on the inventory and the assets; absent (none) until the run is joined. */
	exposure?: Exposure;
	/** What the decision rules ask of an outcome on these vendors (rationale, confirmations, a second reviewer); null until an outcome is chosen. */
	decisionCheck?: (vendorIds: readonly string[], outcome: string) => DecisionCheck | null;
	/** Why an evidence file cannot be attached (missing, a folder, too large), or null when it can. */
	evidenceProblem?: (path: string) => string | null;
	/** The vendor's decision that waits for a second reviewer, and whether this reviewer may countersign it; null when none waits. */
	pendingCountersignOf?: (vendorId: string) => PendingCountersign | null;
};

/** A refresh's download as it goes. */
export type Progress = {source: string; transferred: number; total: number | null; rate: number};
