// Spacing and compounds: "Hik Vision" is "Hikvision", "Hua Wei" is "Huawei",
// "Dahuatech" is "Dahua Tech". A name is also compared with two to four adjacent
// tokens joined, or one token split in two, but only where the result is a token the
// other side (or the list's vocabulary) has: a variant that meets nothing cannot
// raise a score, and the few that can stay cheap to try.
import {abjadOrigin, latinOrigin, type Origin} from './scripts.js';

export type TokenVariant = {
	tokens: readonly string[];
	/** Per token: the scripts it was romanised from (scripts.ts), 0 when Latin. */
	loose: readonly Origin[];
	/** What a score on this variant is worth: a join or a split is a guess ("Seagate" is not "Sea Gate"). */
	factor?: number;
	/** The change made, for the explanation. */
	change?: string;
};

/** A score on two tokens joined counts this much ("Hua Wei" as "Huawei"). */
export const joinFactor = 0.95;
/** A score on a token split in two counts this much: a split finds more words by chance than a join. */
export const splitFactor = 0.85;

/** Variants tried per name at most, the name itself included. */
const maxVariants = 8;
/** Most adjacent words joined into one. */
const maxJoinedWords = 4;
/** Each half of a split is at least this long ("hik" + "vision"). */
const minimumPart = 3;
/** Arabic name particles, longest first: "abdul" before "abd", "al" last. */
export const particles = ['abdul', 'abdel', 'abd', 'abu', 'bin', 'ibn', 'bint', 'al', 'el'];

/**
 * Words romanised from an abjad joined as the script writes them: inside a word the
 * article's alif is unwritten, so عبد الرحمن joined reads "bdlrhmn", as عبدالرحمن
 * romanises, and stays vowelless like the rest of the word.
 */
function abjadJoin(run: readonly string[]): string {
	return run.map((token, at) => (at > 0 && at < run.length - 1 && token === 'al' ? 'l' : token)).join('');
}

/** Whether the other side (or the list's vocabulary) has a token, or one that agrees with it (`loose`: the scripts it was romanised from). */
export type KnownToken = (token: string, loose: Origin) => boolean;
/** As KnownToken, for a join: `run` the words joined. */
export type KnownJoin = (token: string, loose: Origin, run: readonly string[]) => boolean;

/**
 * The name itself first, then joins and splits whose new tokens `known` accepts;
 * a join also where `knownJoin` accepts it: a looser test for the joined words, which
 * meet fewer words by chance than a split's halves.
 */
export function nameVariants(name: TokenVariant, known: KnownToken, knownJoin: KnownJoin = known): TokenVariant[] {
	const variants: TokenVariant[] = [name];
	const {tokens, loose} = name;
	/** The two-word joins made, by the position of their first word. */
	const pairJoins = new Map<number, {joined: string; joinedLoose: Origin}>();
	for (let at = 0; at + 1 < tokens.length && variants.length < maxVariants; at++) {
		const joined = tokens[at]! + tokens[at + 1]!;
		let joinedLoose = loose[at]! | loose[at + 1]!;
		if (!knownJoin(joined, joinedLoose, [tokens[at]!, tokens[at + 1]!])) {
			// A particle and its name joined ("Abdul Rahman", "Al Faisal") are how an abjad writes them (عبدالرحمن,
			// "bdlrhmn"): the joined word may meet a romanised one by its consonants, as a romanised word would.
			if (joinedLoose || !particles.includes(tokens[at]!) || !known(joined, abjadOrigin)) continue;
			joinedLoose = abjadOrigin;
		}
		pairJoins.set(at, {joined, joinedLoose});
		variants.push({
			tokens: [...tokens.slice(0, at), joined, ...tokens.slice(at + 2)],
			loose: [...loose.slice(0, at), joinedLoose, ...loose.slice(at + 2)],
			factor: joinFactor,
			change: `"${tokens[at]} ${tokens[at + 1]}" read as "${joined}"`,
		});
	}
	// A name spaced syllable by syllable has more than one join to make ("Hang Zhou Hik Vision", "Hangzhou Hikvision"): all at once too.
	if (variants.length < maxVariants) {
		const combined = everyJoin(name, pairJoins);
		if (combined) variants.push(combined);
	}
	// Three or four words that are one compound elsewhere ("Kyrgyz Trans Avia" / "Kyrgyztransavia", "I A C" / "IAC").
	for (let length = 3; length <= maxJoinedWords; length++) {
		for (let at = 0; at + length <= tokens.length && variants.length < maxVariants; at++) {
			const run = tokens.slice(at, at + length);
			const joinedLoose = loose.slice(at, at + length).reduce((all, origin) => all | origin, latinOrigin);
			const joined = joinedLoose ? abjadJoin(run) : run.join('');
			if (!knownJoin(joined, joinedLoose, run)) continue;
			variants.push({
				tokens: [...tokens.slice(0, at), joined, ...tokens.slice(at + length)],
				loose: [...loose.slice(0, at), joinedLoose, ...loose.slice(at + length)],
				factor: joinFactor,
				change: `"${run.join(' ')}" read as "${joined}"`,
			});
		}
	}
	// A name particle written onto the name ("Alhayaza", "AlQarni", "AbuSulayman") is split off even when the
	// whole token is known: the lists write it apart as often ("Al-Hayaza", "Abu Sulayman").
	for (let at = 0; at < tokens.length && variants.length < maxVariants; at++) {
		const token = tokens[at]!;
		const particle = particles.find(head => token.length - head.length >= minimumPart && token.startsWith(head));
		const rest = particle && token.slice(particle.length);
		if (!particle || !rest || !known(rest, loose[at]!)) continue;
		variants.push({
			tokens: [...tokens.slice(0, at), particle, rest, ...tokens.slice(at + 1)],
			loose: [...loose.slice(0, at), loose[at]!, loose[at]!, ...loose.slice(at + 1)],
			factor: joinFactor,
			change: `"${token}" read as "${particle} ${rest}"`,
		});
	}
	for (let at = 0; at < tokens.length && variants.length < maxVariants; at++) {
		const token = tokens[at]!;
		if (known(token, loose[at]!)) continue;
		for (let cut = minimumPart; cut <= token.length - minimumPart && variants.length < maxVariants; cut++) {
			const head = token.slice(0, cut);
			const tail = token.slice(cut);
			if (!known(head, loose[at]!) || !known(tail, loose[at]!)) continue;
			variants.push({
				tokens: [...tokens.slice(0, at), head, tail, ...tokens.slice(at + 1)],
				loose: [...loose.slice(0, at), loose[at]!, loose[at]!, ...loose.slice(at + 1)],
				factor: splitFactor,
				change: `"${token}" read as "${head} ${tail}"`,
			});
		}
	}
	return variants;
}

/** The name with every two-word join of `joins` made, left to right where two overlap; undefined for fewer than two. */
function everyJoin(
	{tokens, loose}: TokenVariant,
	joins: ReadonlyMap<number, {joined: string; joinedLoose: Origin}>,
): TokenVariant | undefined {
	const joinedTokens: string[] = [];
	const joinedLoose: Origin[] = [];
	const reads: string[] = [];
	for (let at = 0; at < tokens.length; at++) {
		const join = joins.get(at);
		if (join && at + 1 < tokens.length) {
			joinedTokens.push(join.joined);
			joinedLoose.push(join.joinedLoose);
			reads.push(`"${tokens[at]} ${tokens[at + 1]}" read as "${join.joined}"`);
			at++;
		} else {
			joinedTokens.push(tokens[at]!);
			joinedLoose.push(loose[at]!);
		}
	}
	return reads.length < 2 ? undefined : {tokens: joinedTokens, loose: joinedLoose, factor: joinFactor, change: reads.join(', ')};
}

/** A part of a joined word the candidate index searches by (joined-list-words.ts, respeltJoins): shorter ones are in too many names. */
export const joinPartMinimum = 3;

/** `word` begins with `head` or ends with `tail`, as written, with three letters or more on each side of the cut. */
export function holdsAsPart(word: string, head: string, tail: string): boolean {
	const cutAt = (part: string) => part.length >= joinPartMinimum && word.length - part.length >= joinPartMinimum;
	return (cutAt(head) && word.startsWith(head)) || (cutAt(tail) && word.endsWith(tail));
}
