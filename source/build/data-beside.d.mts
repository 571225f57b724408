// Types for the test helper that bundles scripts with the data they read.
export declare const dataBesideReaders: ReadonlyArray<{reader: string; file: string}>;
