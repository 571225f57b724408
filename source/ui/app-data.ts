// What the TUI is given to show: the caller's data, loaded outside the UI.
import type {SourceState} from '../app-context/index.js';
import type {Catalog} from '../records/index.js';
import type {ChangeRow, DecisionSummary, DetailSection, EntryRow, HitSummary} from '../tables/index.js';
import type {DecisionChoices} from './decision-form.js';

export type {SourceState};

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
	/** Why decisions cannot be saved (e.g. the log is corrupt and open read-only), or null. */
	readOnlyReason?: string | null;
};

/** A refresh's download as it goes. */
export type Progress = {source: string; transferred: number; total: number | null; rate: number};
