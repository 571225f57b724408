// Greek as Latin spellings of Greek names write it (ELOT 743, the UN's system), and
// the foreign names Greek spells with its digraphs read back. `transliteration`
// writes letter by letter: ου "oy", ευ "ey", γγ "gg", μπ "mp", ντ "nt", so
// "Παπαδόπουλος" was "papadopoylos" and "Ευάγγελος" "eyaggelos" (Papadopoulos,
// Evangelos); and a foreign name's b, d, g and w, which Greek writes μπ, ντ, γκ and
// (γ)ου, never met their Latin letters ("Μπαράκ Ομπάμα" was "mparak ompama").

// Before `transliteration`, on the run's letters without their accents (the diaeresis kept:
// "Χαμενεΐ" has an ε and an ι, no ει). A word's first μπ, ντ, γκ is b, d, g; inside a word mb, nd, ng.
const digraphs: ReadonlyArray<[RegExp, string]> = [
	[/(?<!\p{L})μπ/giu, 'b'],
	[/μπ/giu, 'mb'],
	[/(?<!\p{L})ντ/giu, 'd'],
	[/ντ/giu, 'nd'],
	[/(?<!\p{L})γκ/giu, 'g'],
	[/γ[γκ]/giu, 'ng'],
	[/γξ/giu, 'nx'],
	[/γχ/giu, 'nch'],
	[/ου/giu, 'ou'],
	// αυ, ευ, ηυ are af, ef, if before a voiceless consonant and at a word's end, else av, ev, iv.
	[/([αεη])υ(?=[θκξπστφχψς]|(?!\p{L}))/giu, '$1f'],
	[/([αεη])υ/giu, '$1v'],
];
const greekVowels: Readonly<Record<string, string>> = {α: 'a', ε: 'e', η: 'i'};

/** A Greek run with its digraphs written as Latin spellings of Greek names write them; the other letters left to `transliteration`. */
export function withGreekDigraphs(run: string): string {
	let text = run
		.normalize('NFD')
		.replace(/\u0301/gu, '')
		.normalize('NFC');
	for (const [pattern, replacement] of digraphs)
		text = text.replace(pattern, (match, vowel?: string) =>
			typeof vowel === 'string' ? replacement.replace('$1', greekVowels[vowel.toLowerCase()] ?? vowel) : replacement,
		);
	return text;
}

/**
 * A foreign name as Greek spells it, read back: its mb, nd, ng inside a word are b, d, g ("Ομπάμα",
 * "Ερντογάν"), γου and a first ου before a vowel are w ("Χουαγουέι" is Huawei), another ou is u
 * ("Πούτιν"), γι before a vowel and γ before e or i are y ("Γιονγκ" is Yong, "Ταγίπ" Tayyip). Null when
 * the word has none of them.
 */
export function greekNameReading(token: string): string | null {
	const read = token
		.replace(/mb/g, 'b')
		.replace(/nd/g, 'd')
		.replace(/ng(?=[aeiou])/g, 'g')
		.replace(/(?<=^|[aeiou])g?ou(?=[aeiou])|gou(?=[aeiou])/g, 'w')
		.replace(/ou/g, 'u')
		.replace(/gi(?=[aeiou])/g, 'y')
		.replace(/g(?=[ei])/g, 'y');
	return read === token ? null : read;
}
