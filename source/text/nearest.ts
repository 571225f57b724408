// "Did you mean …?": the known word closest to a mistyped one.

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours). */
export function editDistance(a: string, b: string): number {
	const rows = a.length + 1;
	const columns = b.length + 1;
	const distance: number[][] = Array.from({length: rows}, (_, row) =>
		Array.from({length: columns}, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
	);
	for (let row = 1; row < rows; row++)
		for (let column = 1; column < columns; column++) {
			const cost = a[row - 1] === b[column - 1] ? 0 : 1;
			let best = Math.min(distance[row - 1]![column]! + 1, distance[row]![column - 1]! + 1, distance[row - 1]![column - 1]! + cost);
			if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1])
				best = Math.min(best, distance[row - 2]![column - 2]! + 1);
			distance[row]![column] = best;
		}
	return distance[a.length]![b.length]!;
}

/** The closest of `words` to `typed`, if it is close enough to be a typo (at most a third of its letters off), else null. */
export function nearestWord(typed: string, words: readonly string[]): string | null {
	let best: string | null = null;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const word of words) {
		const distance = editDistance(typed.toLowerCase(), word.toLowerCase());
		if (distance < bestDistance) [best, bestDistance] = [word, distance];
	}
	return best !== null && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : null;
}
