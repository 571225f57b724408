// A person's list entry may publish a part of the person's name alone as one of
// its names: a given or a family name ("Charles", "Müller" beside "Charles
// Müller"). Such a word is shared by many people and many companies; it points at
// the entry only beside the rest of the name. So a person's one-word name that is
// a word of a fuller name of the same entry is not matched on alone: the fuller
// name still is, and a query must agree with it (a person's whole name must).

/**
 * Per name of one entry (its tokens, normalised as a person's when it is one):
 * true when the name may raise a match by itself. Only a person's one-word name
 * found among the words of another of its names is false; an entry's only name,
 * or a one-word name no fuller name contains, is always kept.
 */
export function namesMatchedAlone(names: readonly (readonly string[])[], person: boolean): boolean[] {
	if (!person) return names.map(() => true);
	const fullerWords = new Set<string>();
	for (const tokens of names) if (tokens.length > 1) for (const token of tokens) fullerWords.add(token);
	return names.map(tokens => tokens.length !== 1 || !fullerWords.has(tokens[0]!));
}
