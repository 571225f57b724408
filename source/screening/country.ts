// Country agreement between an inventory row and a list entry: a secondary
// signal only, since a vendor's country of origin and a listed address often differ.
export type CountryAgreement = 'agree' | 'disagree' | 'unknown';

const alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let namesToCodes: Map<string, string> | undefined;

function key(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z]+/g, ' ')
		.trim();
}

// Built from ICU's own English region names rather than a hand-kept table.
function countryNames(): Map<string, string> {
	if (namesToCodes) return namesToCodes;
	const names = new Map<string, string>();
	const display = new Intl.DisplayNames(['en'], {type: 'region', fallback: 'none'});
	for (const first of alpha) {
		for (const second of alpha) {
			const code = first + second;
			// Deprecated codes (SU, DD, BU, UK ...) share their successor's name; keep the current code.
			if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
			const name = display.of(code);
			if (name) names.set(key(name), code);
		}
	}
	const common: Array<[string, string]> = [
		['usa', 'US'],
		['united states of america', 'US'],
		['u s a', 'US'],
		['america', 'US'],
		['uk', 'GB'],
		['great britain', 'GB'],
		['england', 'GB'],
		['russian federation', 'RU'],
		['prc', 'CN'],
		['people s republic of china', 'CN'],
		['peoples republic of china', 'CN'],
		['mainland china', 'CN'],
		['south korea', 'KR'],
		['republic of korea', 'KR'],
		['north korea', 'KP'],
		['iran islamic republic of', 'IR'],
		['uae', 'AE'],
		['holland', 'NL'],
		['burma', 'MM'],
		['czech republic', 'CZ'],
		['ivory coast', 'CI'],
		['hong kong sar', 'HK'],
		['taiwan province of china', 'TW'],
	];
	for (const [name, code] of common) names.set(name, code);
	namesToCodes = names;
	return names;
}

/** ISO 3166 alpha-2 for "DE", "Germany", "germany " ...; null when unknown. */
export function countryCode(text: string | null | undefined): string | null {
	if (!text) return null;
	const trimmed = text.trim();
	if (/^[A-Za-z]{2}$/.test(trimmed)) return trimmed.toUpperCase();
	if (/^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/.test(trimmed)) return trimmed.slice(0, 2).toUpperCase();
	return countryNames().get(key(trimmed)) ?? null;
}

export function countryAgreement(queryCountry: string | null | undefined, entityCountries: readonly string[]): CountryAgreement {
	const query = countryCode(queryCountry);
	if (!query) return 'unknown';
	const listed = entityCountries.map(country => countryCode(country)).filter((code): code is string => code !== null);
	if (listed.length === 0) return 'unknown';
	return listed.includes(query) ? 'agree' : 'disagree';
}

/** Small on purpose: a name that does not match cannot be rescued by its country, nor a true match sunk by a foreign branch address. */
export const countryBonus = 0.02;
export const countryPenalty = 0.05;

export function adjustForCountry(score: number, agreement: CountryAgreement): number {
	if (agreement === 'agree') return Math.min(1, score + countryBonus);
	if (agreement === 'disagree') return Math.max(0, score - countryPenalty);
	return score;
}
