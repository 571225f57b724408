// Source modules that read a data file beside themselves, by import.meta.url, as JSON on first use
// (compiled as modules, the data was paid for by every start that loaded their chunk): whatever
// bundles one of them (bundle.mjs, a test's worker bundle) writes the file beside the output.
export const dataBesideReaders = [
	{reader: 'source/records/embedded.ts', file: 'source/records/dataset.json'},
	{reader: 'source/screening/dictionary-words.ts', file: 'source/screening/dictionary-words.json'},
];
