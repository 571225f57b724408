// talisman ships no type declarations; these cover the two functions the tests compare screening's own Jaro and Jaro-Winkler with.
declare module 'talisman/metrics/jaro-winkler.js' {
	const jaroWinkler: (a: string, b: string) => number;
	export default jaroWinkler;
}

declare module 'talisman/metrics/jaro.js' {
	const jaro: (a: string, b: string) => number;
	export default jaro;
}
