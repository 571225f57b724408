// Titles of rulers and nobles, and honorifics, in the lists' main languages other
// than English, as the normaliser writes them. The English words (king, queen,
// prince, sheikh) are dictionary words, which weigh as little as a generic word
// (token-weights.ts); their counterparts weigh the same, or "Koning Salman" and
// "Re Fahd" would stand apart from "King Salman" and "Fahd" on a word that says what
// a person is, not who. Several are surnames too (Krol, Koning, Prins), as King and
// Prince are: such a surname weighs as little as the English one does.

// prettier-ignore
export const titleWords: ReadonlySet<string> = new Set([
	// king
	'koning', 'roi', 'rey', 're', 'rei', 'konig', 'koenig', 'konge', 'konungur', 'kuningas', 'kralj', 'kral', 'krol',
	'korol', 'kiraly', 'tsar', 'tzar',
	// queen
	'koningin', 'reine', 'reina', 'rainha', 'konigin', 'koenigin', 'drottning', 'dronning', 'kraljica', 'kralovna', 'krolowa',
	'koroleva', 'tsaritsa',
	// prince and princess
	'prins', 'prinz', 'principe', 'princ', 'knyaz', 'ksiaze', 'prinses', 'princesse', 'princesa', 'principessa', 'prinzessin',
	'prinsessa', 'prinsesse', 'princezna', 'knyaginya',
	// sheikh and the pilgrim's honorific, as the lists spell them
	'shaikh', 'shaykh', 'sheik', 'sheykh', 'cheikh', 'shaikha', 'sheikha', 'haji', 'hajji', 'hadji', 'alhaji',
]);
