// Deterministic synthetic data for the benchmark: N vendors with restrictions.
import type {RecordsDocument} from '../records/index.js';
import {seededRandom} from './synthetic-names.js';

export {seededRandom};

const syllables = [
	'ka',
	'so',
	'lin',
	'tek',
	'mar',
	'vo',
	'zen',
	'ra',
	'qu',
	'ix',
	'tel',
	'net',
	'dyn',
	'ark',
	'sys',
	'pro',
	'nova',
	'hua',
	'wei',
	'tron',
];
const suffixes = ['Systems', 'Networks', 'Technologies', 'Labs', 'Security', 'Software', 'Devices', 'Telecom', 'Robotics', 'Cloud'];
const countries = ['CN', 'RU', 'US', 'DE', 'IL', 'GB', 'FR', 'JP', 'KR', 'IR'];
const kinds = ['sanctions', 'prohibition', 'export-control', 'telecom', 'procurement', 'investment', 'advisory'] as const;

export function syntheticName(random: () => number): string {
	const word = Array.from({length: 2 + Math.floor(random() * 2)}, () => syllables[Math.floor(random() * syllables.length)]).join('');
	return `${word[0]!.toUpperCase()}${word.slice(1)} ${suffixes[Math.floor(random() * suffixes.length)]}`;
}

export function syntheticRecords(vendorCount: number, seed = 42): RecordsDocument {
	const random = seededRandom(seed);
	const vendors: RecordsDocument['vendors'] = [];
	const restrictions: RecordsDocument['restrictions'] = [];
	for (let index = 0; index < vendorCount; index++) {
		const id = `vendor-${index}`;
		const name = syntheticName(random);
		vendors.push({
			id,
			name,
			entities: [{name: `${name} Ltd`, originalScript: null, country: null, role: null, verification: 'confirmed'}],
			aliases: [name.split(' ')[0]!],
			hq: countries[index % countries.length]!,
			parent: null,
			categories: ['software'],
			notes: null,
		});
		if (random() < 0.3) {
			const year = 2015 + Math.floor(random() * 12);
			restrictions.push({
				id: `${id}-r`,
				vendorId: id,
				authority: 'Synthetic authority',
				jurisdiction: 'US',
				instrument: 'Synthetic list',
				kind: kinds[Math.floor(random() * kinds.length)]!,
				program: null,
				appliesTo: [],
				announced: null,
				milestones: [{date: `${year}-06-01`, what: 'listed'}],
				endDate: null,
				statusNote: null,
				scope: '',
				federalRegister: null,
				officialUrl: null,
				sources: [],
				verification: 'confirmed',
				evidence: null,
			});
		}
	}
	return {schemaVersion: 1, asOf: '2026-11-28', vendors, jurisdictions: [], restrictions};
}
