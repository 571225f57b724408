// The non-interactive commands, seen from the CLI: each loads when it runs, so
// `--help`, `--version` and the TUI load none of them.
export {processIO, reporting, type CommandIO} from './io.js';

export const commands = {
	changes: () => import('./changes.js'),
	config: () => import('./config.js'),
	countersign: () => import('./countersign.js'),
	decide: () => import('./decide.js'),
	fetch: () => import('./fetch.js'),
	inventory: () => import('./inventory.js'),
	list: () => import('./list.js'),
	log: () => import('./log.js'),
	match: () => import('./match.js'),
	screen: () => import('./screen.js'),
	sources: () => import('./sources.js'),
	store: () => import('./store.js'),
};
