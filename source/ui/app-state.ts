// The TUI's whole state, and what its reducer can ask the shell to do. A mode is
// one value of a union (the screen, the overlay), never a set of boolean flags.
import type {ScreeningProgress} from '../app-context/index.js';
import type {AppData, Progress} from './app-data.js';
import type {Binding} from './bindings.js';
import type {ColumnChooser} from './column-chooser.js';
import type {CountersignPrompt, CountersignRequest} from './countersign-prompt.js';
import type {CommandLine} from './command-line.js';
import type {DecisionForm, DecisionSubmission} from './decision-form.js';
import type {DetailState} from './detail-state.js';
import type {FrequencyState} from './frequency.js';
import type {HitDispositionRequest, HitPrompt} from './hit-prompt.js';
import type {Size} from './layout.js';
import type {Place} from './navigation.js';
import type {Preferences} from './preferences.js';
import type {TextField} from './text-field.js';
import type {ViewName, ViewTables} from './views.js';

export type Screen = {kind: 'table'} | DetailState | FrequencyState;

/** What sits above the screen and takes the keys first. */
export type Overlay =
	| {kind: 'none'}
	| {kind: 'help'}
	/** The filter box edits `field`; the table under it is requeried on every change. */
	| {kind: 'filter'; field: TextField}
	| {kind: 'decide'; form: DecisionForm}
	| {kind: 'dispose'; prompt: HitPrompt}
	/** The note of a countersign (o), naming the decision it signs off. */
	| {kind: 'countersign'; prompt: CountersignPrompt}
	| {kind: 'columns'; chooser: ColumnChooser}
	| {kind: 'command'; line: CommandLine};

/** A side effect as data: the shell (app.tsx) performs it with the actions it was given. */
export type Effect =
	| {kind: 'copy'; text: string}
	| {kind: 'quit'}
	| {kind: 'refresh'}
	| {kind: 'decide'; submission: DecisionSubmission}
	| {kind: 'undo'; vendorId: string}
	| {kind: 'export'}
	/** Send a shared log's outbox (what `log push` sends). */
	| {kind: 'push'}
	| ({kind: 'dispose'} & HitDispositionRequest)
	| ({kind: 'countersign'} & CountersignRequest)
	/** Columns or saved views changed: keep them in the config file. */
	| {kind: 'savePreferences'; preferences: Preferences}
	| null;

export type AppState = {
	data: AppData;
	view: ViewName;
	tables: ViewTables;
	screen: Screen;
	overlay: Overlay;
	size: Size;
	/** One line for the reviewer; a sticky one (what the config file got wrong) stays until the next key. */
	message: {text: string; id: number; sticky?: boolean} | null;
	effect: Effect;
	/** A refresh in flight, with the download it is on. */
	progress: Progress | 'starting' | null;
	/** A large inventory's screening in worker threads, where it is; null when none runs. */
	screening: ScreeningProgress | null;
	/** False until the keyboard is being read; the hint line waits for it so nobody types into the void. */
	inputReady: boolean;
	/** Where Esc returns to, the latest last: a view with its filter, sort and selected row, and what was open. */
	back: readonly Place[];
	/** The binding table in effect: the shipped keys with the config file's remapping. */
	keymap: readonly Binding[];
	preferences: Preferences;
};

// Each message has its own id, so clearing an old one's timer cannot clear a newer message.
let messageCounter = 0;
export const withMessage = (state: AppState, text: string, sticky = false): AppState => ({
	...state,
	message: {text, id: ++messageCounter, ...(sticky ? {sticky} : {})},
});
