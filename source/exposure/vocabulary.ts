// The category vocabulary: which words in an inventory's or an assets file's
// category column mean which product class of the class rules. Documented in
// docs/records.md; a category it does not know is listed for the reviewer, never guessed.
import type {ClassRule} from '../records/index.js';

export type VocabularyEntry = {productClass: string; terms: readonly string[]};

/** Synonyms per product class, as the reference's class rules name them. */
export const categoryVocabulary: readonly VocabularyEntry[] = [
	{
		productClass: 'uncrewed aircraft systems (drones)',
		terms: [
			'drone',
			'UAV',
			'UAS',
			'sUAS',
			'quadcopter',
			'multicopter',
			'multirotor',
			'unmanned aircraft',
			'unmanned aerial vehicle',
			'unmanned aircraft system',
			'uncrewed aircraft',
			'uncrewed aircraft system',
		],
	},
	{
		productClass: 'UAS critical components',
		terms: [
			'drone component',
			'UAS component',
			'UAS critical component',
			'flight controller',
			'drone flight controller',
			'drone camera',
			'drone gimbal',
			'drone battery',
			'drone motor',
			'drone data link',
			'drone datalink',
			'drone navigation module',
		],
	},
	{
		productClass: 'UAS ground control and related software',
		terms: ['ground control station', 'drone controller', 'drone remote controller', 'drone software', 'UAS software'],
	},
	{
		productClass: 'consumer-grade routers',
		terms: [
			'consumer router',
			'consumer-grade router',
			'wifi router',
			'wireless router',
			'home router',
			'SOHO router',
			'small office router',
			'small office home office router',
			'residential router',
			'mesh router',
			'mesh wifi',
			'mesh wifi system',
			'travel router',
			'cable modem router',
			'DSL router',
		],
	},
	{
		productClass: 'modular transmitters / radio modules',
		terms: [
			'modular transmitter',
			'radio module',
			'RF module',
			'wifi module',
			'bluetooth module',
			'cellular module',
			'LTE module',
			'4G module',
			'5G module',
			'IoT module',
			'wireless module',
			'LoRa module',
			'GNSS module',
		],
	},
	{
		productClass: 'connected-vehicle VCS hardware',
		terms: [
			'telematics control unit',
			'TCU',
			'telematics unit',
			'vehicle connectivity system',
			'VCS',
			'VCS hardware',
			'V2X module',
			'vehicle modem',
		],
	},
	{productClass: 'connected-vehicle VCS software', terms: ['telematics software', 'VCS software', 'vehicle connectivity software']},
	{
		productClass: 'connected-vehicle ADS software',
		terms: [
			'ADS software',
			'automated driving software',
			'autonomous driving software',
			'self-driving software',
			'automated driving system',
		],
	},
	{
		productClass: 'connected vehicles up to 10,000 lb gross vehicle weight',
		terms: [
			'connected vehicle',
			'connected car',
			'car',
			'passenger car',
			'passenger vehicle',
			'vehicle',
			'electric vehicle',
			'light truck',
		],
	},
];

/** Categories that are known but that no class rule reaches: no finding, and not listed as unknown. */
export const notCoveredCategories: readonly string[] = [
	'enterprise router',
	'core router',
	'carrier-grade router',
	'edge router',
	'industrial router',
	'data-centre router',
];

/** Categories too vague to place: listed with what to write instead. */
export const ambiguousCategories: ReadonlyMap<string, string> = new Map([
	['router', 'consumer-grade or not? write "SOHO router" (or "wifi router") or "enterprise router"'],
	['module', 'which kind? write e.g. "cellular module" or "wifi module"'],
	['component', 'of what? write e.g. "drone component" or "cellular module"'],
	['software', 'which kind? write e.g. "drone software" or "telematics software"'],
]);

/** Lower case, ASCII letters and digits, singular words, no spaces: "Wi-Fi Routers" and "wifi router" meet. */
export function categoryKey(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/\(.*?\)/g, ' ')
		.split(/[^a-z0-9]+/)
		.filter(Boolean)
		.map(word => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
		.join('');
}

export type CategoryMatch =
	{kind: 'class'; productClass: string} | {kind: 'not-covered'} | {kind: 'ambiguous'; hint: string} | {kind: 'unknown'};

/** A classifier for the rules at hand: the vocabulary plus each rule's own class names. */
export function categoryClassifier(rules: readonly Pick<ClassRule, 'productClasses'>[]): (category: string) => CategoryMatch {
	const classes = new Map<string, string>();
	for (const entry of categoryVocabulary) {
		classes.set(categoryKey(entry.productClass), entry.productClass);
		for (const term of entry.terms) classes.set(categoryKey(term), entry.productClass);
	}
	for (const rule of rules) for (const productClass of rule.productClasses) classes.set(categoryKey(productClass), productClass);
	const notCovered = new Set(notCoveredCategories.map(categoryKey));
	const ambiguous = new Map([...ambiguousCategories].map(([term, hint]) => [categoryKey(term), hint]));
	return category => {
		const key = categoryKey(category);
		const productClass = classes.get(key);
		if (productClass) return {kind: 'class', productClass};
		if (notCovered.has(key)) return {kind: 'not-covered'};
		const hint = ambiguous.get(key);
		return hint ? {kind: 'ambiguous', hint} : {kind: 'unknown'};
	};
}
