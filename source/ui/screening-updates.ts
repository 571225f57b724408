// A large inventory's screening as the TUI hears it while worker threads do it:
// its progress for the status bar, then the run's data with every hit. The App may
// subscribe late (it is rendered again once the log opens), so the latest progress
// is kept and handed to each new listener.
import type {ScreeningProgress} from '../app-context/index.js';
import type {AppData} from './app-data.js';
import type {AppUpdate, LiveUpdates} from './app.js';

export type ScreeningUpdates = {
	report: (progress: ScreeningProgress) => void;
	/** The screening is over: its data (null: none to show, e.g. it failed) replaces the early data, and the progress goes. */
	finish: (data: AppData | null) => void;
	updates: LiveUpdates;
};

export function screeningUpdates(): ScreeningUpdates {
	const listeners = new Set<(update: AppUpdate) => void>();
	let latest: ScreeningProgress | null = null;
	let finished = false;
	const send = (update: AppUpdate) => {
		for (const listener of listeners) listener(update);
	};
	return {
		report(progress) {
			if (finished) return;
			latest = progress;
			send({data: null, message: '', screening: progress});
		},
		finish(data) {
			finished = true;
			latest = null;
			send({data, message: '', screening: null});
		},
		updates(listener) {
			listeners.add(listener);
			if (latest) listener({data: null, message: '', screening: latest});
			return () => void listeners.delete(listener);
		},
	};
}

/** Several sources of news as one: each listener hears them all. */
export function mergedUpdates(...sources: ReadonlyArray<LiveUpdates | undefined>): LiveUpdates {
	return listener => {
		const unsubscribes = sources.map(source => source?.(listener));
		return () => {
			for (const unsubscribe of unsubscribes) unsubscribe?.();
		};
	};
}
