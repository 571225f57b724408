// Types for the tests that build with these plugins.
import type {Plugin} from 'esbuild';

export declare const yogaInstantiatedAtLoad: Plugin;
export declare const inkWithoutDevtoolsImport: Plugin;
export declare const inkOutputCachesAcrossFrames: Plugin;
