// The quality bench's labels: what the lists type (former, new, weak names) and the
// fixed rule that calls two names of an entry variants of each other. Both must be
// blind to the matcher, so these tests use no matcher function.
import {describe, expect, test} from 'vitest';
import {isAcronymOf, referenceKey, sameNameRespelt, skeleton, soundKey} from '../../source/bench/variant-rule.js';
import {ftmNameTypes, nameKey, ofacAltTypes, ofacXmlAkaTypes, readEnhancedXml, type NameTypes} from '../../source/bench/typed-names.js';
import {hardNegatives, hitByHardNegative} from '../../source/bench/evaluation-names.js';
import {fixture, makeEntity} from './fixtures.js';

describe('the variant rule', () => {
	test.each([
		['Pozitiv Teknolodzhiz', 'Positive Technologies'],
		['ALFA-LIZING', 'Alfa Leasing'],
		['VTB BANK', 'BANK VTB OAO'],
		['HANIYA, Ismail', 'HANIYYA, Ismaeel'],
		['محمد علي حمد الله', 'Muḥammad ʿAlī Ḥamd Allâh'],
		['HIK VISION DIGITAL', 'HIKVISION DIGITAL'],
		['KOVALENKO, Ihor', 'KOVALENKO, Igor'],
		['ABED ALLAH, Jamila', 'ABDULLAH, Jameela'],
	])('%s and %s are one name respelt', (a, b) => expect(sameNameRespelt(a, b, a.includes(','))).toBe(true));

	test.each([
		['CENTRAL BANK OF IRAN', 'BANK MARKAZI IRAN', false],
		['Faisal', 'Faisal bin Abdullah', true],
		['Mustafa Akrimah', 'Mustafa Mohammed Adnan Akrimah', true],
		// A long name does not buy a translated word: each word must pair with one that sounds like it.
		['90 EXPERIMENTAL PLANT OPEN JOINT STOCK COMPANY', '90 EKSPERIMENTALNY ZAVOD OAO', false],
		['Artur Petrosyan', 'Alex Petrosyan', true],
		// One outline of sounds, other consonants in other places: another name, a translated word.
		['DIRIYE, Ahmed', 'DIRIYE, Mahad', true],
		['BANK SADERAT IRAN', 'IRAN EXPORT BANK', false],
		// Initials in capitals have no sound to compare.
		['CSSC', 'CSC', false],
		// Words written together must be the same word, not a word absorbed ("group").
		['NORTH AIRCRAFT INDUSTRY GROUP', 'NORTH AIRCRAFT INDUSTRIAL', false],
	])('%s and %s are not', (a, b, person) => expect(sameNameRespelt(a, b, person)).toBe(false));

	test('a person known by one word is never a variant, even of itself', () => expect(sameNameRespelt('Saud', 'Saud', true)).toBe(false));

	test('the sound key hears what transliterations share', () => {
		expect(soundKey('inzhiniring')).toBe(soundKey('engineering'));
		expect(soundKey('mhmd')).toBe(soundKey('mohammed'));
	});

	test('the skeleton keeps consonants in place but folds spellings of one sound', () => {
		expect(skeleton('ladozhskiy')).toBe(skeleton('ladojskii'));
		expect(skeleton('mohammed')).toBe(skeleton('muhamad'));
		expect(skeleton('ahmed')).not.toBe(skeleton('mahad'));
	});

	test('titles, legal forms and particles do not make two names', () =>
		expect(referenceKey('HRH Prince Abdulaziz bin Saud', true)).toBe(referenceKey('Abdulaziz Saud', true)));

	test('acronyms are initials written in capitals', () => {
		expect(isAcronymOf('AECC', 'AERO ENGINE CORPORATION OF CHINA')).toBe(true);
		expect(isAcronymOf('Aecc', 'AERO ENGINE CORPORATION OF CHINA')).toBe(false);
	});
});

describe('typed names from the raw list files', () => {
	const typesOf = (types: NameTypes) => [...types.values()].flatMap(names => [...names.values()]);

	test("OFAC's alt.csv says which names are former names", () => {
		const types = ofacAltTypes(fixture('ofac-sdn-csv', 'static_slice_alt.csv'), '');
		expect(types.get('ofac-12580')?.get(nameKey('GREEN LEAF TRADING LLC'))).toBe('fka');
		expect(types.get('ofac-18647')?.get(nameKey('IS-KHORASAN'))).toBe('aka');
	});

	test("OFAC's classic XML marks weak aliases", () =>
		expect(typesOf(ofacXmlAkaTypes(fixture('ofac-xml', 'sdn.xml'), ''))).toContain('weak'));

	test("OpenSanctions' previousName is a former name", () =>
		expect(typesOf(ftmNameTypes(fixture('opensanctions-ftm', 'sa_wiki_peps_entities.ftm.json'), ''))).toContain('fka'));

	test("OFAC's enhanced XML gives every entity, its names in each script, and their types", () => {
		const types: NameTypes = new Map();
		const entities = readEnhancedXml(fixture('ofac-xml', 'CONS_ENHANCED_first150.xml'), '', types);
		expect(entities).toHaveLength(150);
		const vtb = entities.find(entity => entity.aliases.includes('БАНК ВТБ ПАО'));
		expect(vtb?.type).toBe('entity');
		expect(types.get(vtb!.id)?.get(nameKey('JSC VTB BANK'))).toBe('fka');
	});
});

describe('hard negatives', () => {
	const entry = makeEntity({
		id: 'csl#1',
		name: 'CENTRAL DESIGN BUREAU OF SPECIAL RADIO MATERIALS',
		aliases: ['CENTRAL DESIGN OFFICE OF RADIOMATERIALS'],
	});
	const [replaced, dropped] = hardNegatives([entry], [{name: 'Zyxvaron Labs', origin: 'test'}]);

	test('a name resting on one distinctive word gives that word replaced and dropped', () => {
		expect(replaced).toMatchObject({query: 'central design bureau zyxvaron radio materials', word: 'special'});
		expect(dropped).toMatchObject({query: 'central design bureau radio materials', word: 'special'});
	});

	test('a hit counts on a name holding the word, not on one the list gives without it', () => {
		expect(hitByHardNegative(dropped!, [{entity: {id: 'csl#1'}, matchedName: entry.name}])).toBe(true);
		expect(hitByHardNegative(dropped!, [{entity: {id: 'csl#1'}, matchedName: entry.aliases[0]!}])).toBe(false);
		expect(hitByHardNegative(dropped!, [{entity: {id: 'csl#2'}, matchedName: entry.name}])).toBe(false);
	});
});
