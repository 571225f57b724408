// Opening the decision store a run is configured for: the local conf log, or a
// team's shared PostgreSQL log (whose driver loads only then, never for a local log).
import {openSettings} from '../settings/index.js';
import {DecisionLog} from './store.js';
import type {DecisionStore} from './store-interface.js';
import {storeLocationOf, type StoreLocation} from './store-location.js';

/** VENDOR_RISK_STORE, else `config set store …`, else the local log. A bad location is bad input (exit 2). */
export function configuredStoreLocation(env: NodeJS.ProcessEnv = process.env): StoreLocation {
	// Not through settingsOf, which falls back to defaults: a damaged settings file must not quietly mean "local".
	const saved = env.VENDOR_RISK_STORE?.trim() ? undefined : openSettings(env).get('store');
	return storeLocationOf(env, saved);
}

export type OpenStoreOptions = {
	/** 'background': a shared store opens from this machine's mirror and meets its database meanwhile (the TUI). */
	connect?: 'wait' | 'background';
};

/** The configured store, open: a shared one has met its database (or knows it cannot, and works offline), unless asked to connect in the background. */
export async function openStore(env: NodeJS.ProcessEnv = process.env, options: OpenStoreOptions = {}): Promise<DecisionStore> {
	const location = configuredStoreLocation(env);
	if (location.kind === 'local') return new DecisionLog({env});
	const {openPostgresStore} = await import('./postgres/store.js');
	return openPostgresStore({url: location.url, display: location.display, env, connect: options.connect ?? 'wait'});
}

/** Runs `work` on the configured store and closes it afterwards, whatever happens. */
export async function withStore<T>(env: NodeJS.ProcessEnv, work: (store: DecisionStore) => Promise<T>): Promise<T> {
	const store = await openStore(env);
	try {
		return await work(store);
	} finally {
		await store.close();
	}
}
