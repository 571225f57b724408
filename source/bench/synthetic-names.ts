// Deterministic, seeded name generators for the bench and the tests: synthetic
// list names at scale, and a control inventory of ordinary company names.
import type {ScreeningEntity} from '../records/index.js';
import type {InventoryVendor} from '../screening/index.js';

/** mulberry32: small, fast, good enough for test data, and the same on every machine. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

function pick<T>(random: () => number, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)]!;
}

// Common surnames across the languages a vendor inventory usually contains.
export const surnames = [
	'Smith',
	'Johnson',
	'Williams',
	'Brown',
	'Jones',
	'Miller',
	'Davis',
	'Wilson',
	'Anderson',
	'Taylor',
	'Thomas',
	'Moore',
	'Martin',
	'Jackson',
	'Thompson',
	'White',
	'Harris',
	'Clark',
	'Lewis',
	'Robinson',
	'Walker',
	'Young',
	'Allen',
	'King',
	'Wright',
	'Scott',
	'Green',
	'Baker',
	'Adams',
	'Nelson',
	'Hill',
	'Campbell',
	'Mitchell',
	'Roberts',
	'Carter',
	'Phillips',
	'Evans',
	'Turner',
	'Parker',
	'Collins',
	'Edwards',
	'Stewart',
	'Morris',
	'Murphy',
	'Cook',
	'Rogers',
	'Morgan',
	'Cooper',
	'Peterson',
	'Reed',
	'Bailey',
	'Bell',
	'Kelly',
	'Howard',
	'Ward',
	'Cox',
	'Richardson',
	'Wood',
	'Watson',
	'Brooks',
	'Bennett',
	'Gray',
	'Hughes',
	'Price',
	'Sanders',
	'Myers',
	'Long',
	'Ross',
	'Foster',
	'Powell',
	'Jenkins',
	'Perry',
	'Russell',
	'Sullivan',
	'Fisher',
	'Mueller',
	'Schmidt',
	'Schneider',
	'Fischer',
	'Weber',
	'Meyer',
	'Wagner',
	'Becker',
	'Hoffmann',
	'Schulz',
	'Koch',
	'Richter',
	'Klein',
	'Wolf',
	'Dubois',
	'Durand',
	'Lefebvre',
	'Moreau',
	'Laurent',
	'Simon',
	'Michel',
	'Garnier',
	'Rossi',
	'Russo',
	'Ferrari',
	'Esposito',
	'Bianchi',
	'Romano',
	'Garcia',
	'Rodriguez',
	'Martinez',
	'Lopez',
	'Gonzalez',
	'Perez',
	'Sanchez',
	'Ramirez',
	'Torres',
	'Flores',
	'Jansen',
	'Visser',
	'Bakker',
	'Smit',
	'Nielsen',
	'Hansen',
	'Larsen',
	'Andersson',
	'Johansson',
	'Karlsson',
	'Nilsson',
	'Virtanen',
	'Korhonen',
	'Novak',
	'Kowalski',
	'Nowak',
	'Horvat',
	'Tanaka',
	'Suzuki',
	'Sato',
	'Watanabe',
	'Kim',
	'Park',
	'Nguyen',
	'Tran',
	'Patel',
	'Shah',
	'Singh',
	'Gupta',
	'Silva',
	'Santos',
	'Oliveira',
	'Costa',
];

export const industryWords = [
	'Consulting',
	'Logistics',
	'Software',
	'Analytics',
	'Engineering',
	'Manufacturing',
	'Printing',
	'Catering',
	'Cleaning',
	'Security',
	'Staffing',
	'Design',
	'Media',
	'Marketing',
	'Legal',
	'Accounting',
	'Insurance',
	'Plumbing',
	'Electrical',
	'Construction',
	'Freight',
	'Packaging',
	'Furniture',
	'Textiles',
	'Pharma',
	'Biotech',
	'Energy',
	'Solar',
	'Networks',
	'Telecom',
	'Data',
	'Cloud',
	'Hosting',
	'Payments',
	'Travel',
	'Events',
	'Training',
	'Translations',
	'Research',
	'Labs',
	'Systems',
	'Solutions',
	'Services',
	'Partners',
	'Holdings',
	'Group',
	'Industries',
	'Trading',
	'Supplies',
];

export const legalForms = [
	'Inc.',
	'LLC',
	'Ltd',
	'Limited',
	'Corp.',
	'GmbH',
	'AG',
	'S.A.',
	'S.r.l.',
	's.r.o.',
	'B.V.',
	'N.V.',
	'AB',
	'Oy',
	'Pty Ltd',
	'PLC',
	'K.K.',
	'SAS',
	'S.p.A.',
	'LLP',
	'& Co. KG',
	'',
];

/** "<Surname> <Industry word> <Legal form>", sometimes with a second surname ("Smith & Weber"): ordinary companies nobody lists. */
export function controlCompanyNames(count: number, seed = 1): string[] {
	const random = seededRandom(seed);
	const names = new Set<string>();
	while (names.size < count) {
		const owner = random() < 0.25 ? `${pick(random, surnames)} & ${pick(random, surnames)}` : pick(random, surnames);
		names.add(`${owner} ${pick(random, industryWords)} ${pick(random, legalForms)}`.trim());
	}
	return [...names];
}

const onsets = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'ch', 'sh', 'zh', 'kr', 'tr', 'st', 'br', 'gl'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ia'];
const codas = ['', '', '', 'n', 'r', 'l', 'k', 's', 'ng', 'v'];

function pseudoWord(random: () => number): string {
	const syllables = 2 + Math.floor(random() * 2);
	let word = '';
	for (let index = 0; index < syllables; index++)
		word += pick(random, onsets) + pick(random, vowels) + (index === syllables - 1 ? pick(random, codas) : '');
	return word[0]!.toUpperCase() + word.slice(1);
}

/** A vocabulary with skewed frequencies, like words in real names: a few common (the top word in ~0.3 % of names), most rare. */
function zipfPicker(random: () => number, vocabulary: readonly string[]): () => string {
	return () => vocabulary[Math.floor(vocabulary.length * random() ** 2)]!;
}

const emptyList: string[] = [];
Object.freeze(emptyList);

export type SyntheticList = {entities: ScreeningEntity[]; names: string[]};

/**
 * `count` synthetic list entries: 70 % companies ("<Word> [<Word>] <industry> <legal form>"),
 * 30 % people ("LAST, First"). Entries share one frozen empty array for their
 * unused list fields, so a million of them stay small in memory.
 */
export function syntheticList(count: number, seed = 7): ScreeningEntity[] {
	const random = seededRandom(seed);
	const vocabulary = Array.from({length: Math.max(1_000, Math.floor(count / 4))}, () => pseudoWord(random));
	const word = zipfPicker(random, vocabulary);
	const entities: ScreeningEntity[] = [];
	const countries = ['CN', 'RU', 'IR', 'KP', 'SY', 'BY', 'VE', 'CU', 'AE', 'TR', 'HK', 'DE', 'US'];
	for (let index = 0; index < count; index++) {
		const person = random() < 0.3;
		const name = person
			? `${word().toUpperCase()}, ${pick(random, surnames)} ${word()}`
			: `${word()}${random() < 0.5 ? ` ${word()}` : ''} ${pick(random, industryWords)} ${pick(random, legalForms)}`.trim();
		entities.push({
			id: `syn-${index}`,
			name,
			aliases: emptyList,
			type: person ? 'person' : 'entity',
			addresses: emptyList,
			countries: [pick(random, countries)],
			list: 'Synthetic',
			programs: emptyList,
			listedOn: null,
			federalRegisterNotice: null,
			remarks: null,
			sourceUrls: emptyList,
			identifiers: emptyList,
		});
	}
	return entities;
}

/** Typos a data-entry clerk makes: a swapped pair of letters, a dropped letter, a doubled letter. */
export function misspell(name: string, random: () => number): string {
	const letters = [...name];
	const positions = letters.map((letter, index) => (/\p{L}/u.test(letter) ? index : -1)).filter(index => index > 0);
	if (positions.length < 4) return name;
	const at = pick(random, positions.slice(0, -1));
	const kind = random();
	if (kind < 0.4) [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
	else if (kind < 0.7) letters.splice(at, 1);
	else letters.splice(at, 0, letters[at]!);
	return letters.join('');
}

/**
 * An inventory screened against `list`: `plantedShare` of the rows are list names
 * with a typo or a different legal form (true matches), the rest new names drawn
 * from the same vocabulary (near misses and noise).
 */
export function syntheticInventory(list: readonly ScreeningEntity[], count: number, {seed = 11, plantedShare = 0.02} = {}): string[] {
	const random = seededRandom(seed);
	const names: string[] = [];
	const generic = new Set([...industryWords, ...legalForms, ...surnames].flatMap(word => word.split(' ')));
	const vocabulary = list
		.slice(0, 20_000)
		.flatMap(entity => entity.name.split(/[\s,]+/))
		.filter(word => word.length > 3 && !generic.has(word));
	for (let index = 0; index < count; index++) {
		if (random() < plantedShare) {
			const source = pick(random, list);
			names.push(random() < 0.5 ? misspell(source.name, random) : source.name.replace(/\s+\S+$/, ` ${pick(random, legalForms)}`).trim());
		} else {
			names.push(
				`${pick(random, vocabulary)}${random() < 0.5 ? ` ${pick(random, vocabulary)}` : ''} ${pick(random, industryWords)} ${pick(random, legalForms)}`.trim(),
			);
		}
	}
	return names;
}

/** Names as inventory rows, as the parser would make them of a one-column CSV (ids kept apart by position). */
export function inventoryRows(names: readonly string[], country: string | null = null): InventoryVendor[] {
	return names.map((name, position) => ({
		id: `row-${position + 1}`,
		name,
		aliases: [],
		website: null,
		country,
		parent: null,
		owner: null,
		criticality: null,
		products: [],
		source: `line ${position + 2}`,
	}));
}
