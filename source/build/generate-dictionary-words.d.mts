// Types for the test that checks the committed dictionary words against the package.
export declare const dictionaryFile: string;
export declare const dictionaryVersion: string;
export declare const wordsFile: string;
export declare function dictionaryWords(dic: string): string[];
export declare function wordsText(words: readonly string[], version: string): string;
