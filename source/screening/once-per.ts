// What is derived from an object once and kept while the object lives: an index's
// caches and the tables built from it on first use.

/** `make(key)`, made on the first call for each key and returned again after; forgotten with the key. */
export function oncePer<Key extends object, Value>(make: (key: Key) => Value): (key: Key) => Value {
	const made = new WeakMap<Key, Value>();
	return key => {
		if (made.has(key)) return made.get(key)!;
		const value = make(key);
		made.set(key, value);
		return value;
	};
}
