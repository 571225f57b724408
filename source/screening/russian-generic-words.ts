// Generic words of Russian company names as the lists romanise them, with the English
// word each is written for: "Kommercheskiy Bank" is "Commercial Bank", "Tsentralnyy
// Bank Rossiyskoy Federatsii" the "Central Bank of the Russian Federation", "Bank
// Moskvy" the "Bank of Moscow". Only cognates and names of places, the same word in
// another language's spelling, never a translation ("okhrana" is "security", but
// another word). Russian declines them (kommercheskiy, kommercheskaya,
// kommercheskogo ...) and the romanisations write each ending several ways (-iy, -ii,
// -ij, -yy, -y ...), so the forms are made from a stem and its kind of ending.

/** Endings of an adjective: nominative, genitive, dative, instrumental, prepositional, in every gender, as GOST, BGN/PCGN, ISO 9 and passport spellings write them. */
const adjectiveEndings = [
	'iy',
	'ii',
	'ij',
	'yy',
	'yi',
	'yj',
	'y',
	'i',
	'aya',
	'aia',
	'aja',
	'oye',
	'oe',
	'ogo',
	'oy',
	'oi',
	'oj',
	'ye',
	'ie',
	'ikh',
	'ykh',
];
/** Endings of a noun in -iya (tekhnologiya, federatsiya). */
const iyaEndings = ['iya', 'iia', 'ija', 'ia', 'ii', 'iy', 'ij', 'iyu', 'iiu', 'iju', 'iey', 'iei', 'iej'];
/** Endings of a noun in -a (gruppa, Moskva). */
const aEndings = ['a', 'y', 'i', 'e', 'u', 'oy', 'oi', 'oj'];
/** Endings of a noun ending in a consonant (bank, institut). */
const consonantEndings = ['', 'a', 'u', 'e', 'om', 'y', 'i', 'ov'];

/** `words`: forms that do not decline, such as the prefixes written as words of their own ("RT-Avto", "Avia Group"). */
type Stems = {
	adjective?: readonly string[];
	iya?: readonly string[];
	a?: readonly string[];
	consonant?: readonly string[];
	words?: readonly string[];
};

// prettier-ignore
const cognates: ReadonlyArray<readonly [readonly string[], Stems]> = [
	[['commercial'], {adjective: ['kommerchesk', 'komerchesk']}],
	[['central'], {adjective: ['tsentraln', 'centraln']}],
	[['center', 'centre'], {consonant: ['tsentr']}],
	[['russian', 'russia'], {adjective: ['rossiysk', 'rossiisk', 'rossisk', 'rossijsk'], iya: ['ross']}],
	[['federation'], {iya: ['federats', 'federac']}],
	[['federal'], {adjective: ['federaln']}],
	[['national'], {adjective: ['natsionaln', 'nacionaln']}],
	[['technology', 'technologies'], {iya: ['tekhnolog', 'tehnolog']}],
	[['technical'], {adjective: ['tekhnichesk', 'tehnichesk']}],
	[['company'], {iya: ['kompan']}],
	[['investment', 'investments'], {adjective: ['investitsionn'], iya: ['investits']}],
	[['innovation', 'innovations'], {adjective: ['innovatsionn'], iya: ['innovats']}],
	[['industrial', 'industry'], {adjective: ['industrialn'], iya: ['industr']}],
	[['energy'], {iya: ['energ'], adjective: ['energetichesk']}],
	[['electronics', 'electronic'], {a: ['elektronik'], adjective: ['elektronn']}],
	[['chemical'], {adjective: ['khimichesk', 'himichesk']}],
	[['financial', 'finance'], {adjective: ['finansov']}],
	[['aviation'], {adjective: ['aviatsionn'], words: ['avia']}],
	[['auto'], {words: ['avto']}],
	[['logistics', 'logistic'], {a: ['logistik'], consonant: ['logistik']}],
	[['metals'], {consonant: ['metall']}],
	[['bank'], {consonant: ['bank']}],
	[['group'], {a: ['grupp']}],
	[['institute'], {consonant: ['institut']}],
	[['export'], {consonant: ['eksport']}],
	[['telecom'], {consonant: ['telekom']}],
	[['moscow', 'moskva'], {a: ['moskv'], adjective: ['moskovsk']}],
];

function formsOf({adjective = [], iya = [], a = [], consonant = [], words = []}: Stems): string[] {
	const forms = (stems: readonly string[], endings: readonly string[]) => stems.flatMap(stem => endings.map(ending => stem + ending));
	const declined = [
		...forms(adjective, adjectiveEndings),
		...forms(iya, iyaEndings),
		...forms(a, aEndings),
		...forms(consonant, consonantEndings),
	];
	return [...new Set([...declined, ...words])];
}

/** Per English word, the romanised Russian forms written for it (the English word itself left out). */
export const russianCognates: ReadonlyArray<readonly [readonly string[], readonly string[]]> = cognates.map(([english, stems]) => [
	english,
	formsOf(stems).filter(form => !english.includes(form)),
]);
