// Types for the tests that check the generated dataset against the reference.
import type {RecordsDocument} from '../records/index.js';

export declare const referenceFile: string;
export declare const datasetFile: string;
export declare function datasetFromReference(reference: unknown): RecordsDocument;
export declare function datasetText(document: RecordsDocument): string;
export declare function sourcesAsOfFrom(text: string | undefined): string | undefined;
