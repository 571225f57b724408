// Scoring asks for the keys of the same words again and again (every pair of romanised
// or respelt words), so each key function remembers what it computed; bounded, the map
// emptied when full, so a million-name list cannot grow it without end.

/** `compute`, remembered per word; at most `limit` words are kept. */
export function boundedMemo<T>(compute: (word: string) => T, limit = 200_000): (word: string) => T {
	const known = new Map<string, T>();
	return word => {
		let value = known.get(word);
		if (value === undefined) {
			value = compute(word);
			if (known.size >= limit) known.clear();
			known.set(word, value);
		}
		return value;
	};
}
