// Typed arrays over SharedArrayBuffers: posted to a worker thread, they are shared, not copied.
const buffer = (length: number, bytes: number) => new SharedArrayBuffer(Math.max(1, length) * bytes);

export const sharedInt32 = (length: number) => new Int32Array(buffer(length, Int32Array.BYTES_PER_ELEMENT), 0, length);
export const sharedUint32 = (length: number) => new Uint32Array(buffer(length, Uint32Array.BYTES_PER_ELEMENT), 0, length);
export const sharedFloat64 = (length: number) => new Float64Array(buffer(length, Float64Array.BYTES_PER_ELEMENT), 0, length);
export const sharedUint8 = (length: number) => new Uint8Array(buffer(length, 1), 0, length);
export const sharedUint16 = (length: number) => new Uint16Array(buffer(length, Uint16Array.BYTES_PER_ELEMENT), 0, length);

/** Numbers into shared memory, as Int32Array.from copies them. */
export function sharedInt32Of(numbers: ArrayLike<number>): Int32Array {
	const array = sharedInt32(numbers.length);
	array.set(numbers);
	return array;
}

export function sharedUint8Of(numbers: ArrayLike<number>): Uint8Array {
	const array = sharedUint8(numbers.length);
	array.set(numbers);
	return array;
}

/** Values mapped to numbers in shared memory, as Int32Array.from(values, map). */
export function sharedInt32From<T>(values: readonly T[], map: (value: T) => number): Int32Array {
	const array = sharedInt32(values.length);
	values.forEach((value, at) => (array[at] = map(value)));
	return array;
}

export function sharedUint8From<T>(values: readonly T[], map: (value: T) => number): Uint8Array {
	const array = sharedUint8(values.length);
	values.forEach((value, at) => (array[at] = map(value)));
	return array;
}

/**
 * Strings in shared memory as their UTF-16 code units, string s at starts[s] ..
 * starts[s + 1]. Not UTF-8: a lone surrogate (hostile list data) would come back
 * as U+FFFD and another thread would score a different name. One byte a unit when
 * every unit fits (Latin-1, as most list names are): the names of a million-entry
 * list are 26 MB less so.
 */
export type SharedStrings = {units: Uint16Array | Uint8Array; starts: Int32Array};

const beyondLatin1 = /[^\u0000-\u00FF]/;

export function shareStrings(strings: Iterable<string>, count: number): SharedStrings {
	const starts = sharedInt32(count + 1);
	const all = [...strings];
	all.forEach((text, at) => (starts[at + 1] = starts[at]! + text.length));
	const length = starts[count]!;
	const units = all.some(text => beyondLatin1.test(text))
		? new Uint16Array(new SharedArrayBuffer(Math.max(1, length) * 2), 0, length)
		: sharedUint8(length);
	all.forEach((text, at) => {
		const from = starts[at]!;
		for (let unit = 0; unit < text.length; unit++) units[from + unit] = text.charCodeAt(unit);
	});
	return {units, starts};
}

/** String `at` of shared strings, exactly as it was stored. */
export function sharedString({units, starts}: SharedStrings, at: number): string {
	const from = starts[at]!;
	const to = starts[at + 1]!;
	let text = '';
	// In chunks: fromCharCode takes its units as arguments, and a call has only so many. Through
	// Reflect.apply, which takes the typed array as they are: spreading it walks an iterator,
	// five times slower, and a million names are read per index built.
	for (let chunk = from; chunk < to; chunk += 4096) text += fromCodes(units.subarray(chunk, Math.min(to, chunk + 4096)));
	return text;
}

function fromCodes(codes: Uint16Array | Uint8Array): string {
	const text: unknown = Reflect.apply(String.fromCharCode, null, codes);
	return typeof text === 'string' ? text : '';
}
