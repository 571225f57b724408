// talisman ships no type declarations; these cover the two functions screening uses.
declare module 'talisman/metrics/jaro-winkler.js' {
	const jaroWinkler: (a: string, b: string) => number;
	export default jaroWinkler;
}

declare module 'talisman/phonetics/soundex.js' {
	const soundex: (word: string) => string;
	export default soundex;
}

declare module 'talisman/metrics/jaro.js' {
	const jaro: (a: string, b: string) => number;
	export default jaro;
}
