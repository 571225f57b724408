// Scoring asks for the keys of the same words again and again (every pair of romanised
// or respelt words), so each key function remembers what it computed; bounded, the map
// emptied when full, so a million-name list cannot grow it without end.

/** True while `uncached` runs: key functions compute without reading or filling their memory. */
let bypassed = false;

/**
 * Runs `work` with every memoised key function computing afresh. For a pass over a
 * whole vocabulary (the candidate index's key maps, token-key-maps.ts): its words are
 * each asked once, and remembering them would only empty the memory scoring relies on.
 */
export function uncached<T>(work: () => T): T {
	const was = bypassed;
	bypassed = true;
	try {
		return work();
	} finally {
		bypassed = was;
	}
}

/** `compute`, remembered per word; at most `limit` words are kept. */
export function boundedMemo<T>(compute: (word: string) => T, limit = 200_000): (word: string) => T {
	const known = new Map<string, T>();
	return word => {
		if (bypassed) return compute(word);
		let value = known.get(word);
		if (value === undefined) {
			value = compute(word);
			if (known.size >= limit) known.clear();
			known.set(word, value);
		}
		return value;
	};
}

/** The value `known` holds for `key`, else `compute()`'s, kept; `known` is emptied when it holds `limit` keys. */
export function rememberIn<Key, Value>(known: Map<Key, Value>, key: Key, limit: number, compute: () => Value): Value {
	let value = known.get(key);
	if (value === undefined) {
		value = compute();
		if (known.size >= limit) known.clear();
		known.set(key, value);
	}
	return value;
}
