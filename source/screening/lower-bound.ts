/** The first position in [0, length) where `isBelow` turns false, for a predicate true on a prefix and false after it (a sorted array's lower bound). */
export function lowerBound(length: number, isBelow: (at: number) => boolean): number {
	let low = 0;
	let high = length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (isBelow(middle)) low = middle + 1;
		else high = middle;
	}
	return low;
}
