// Types for the tests that build with these plugins.
import type {Plugin} from 'esbuild';

export declare const yogaWithoutFetch: Plugin;
export declare const stringWidthFastPath: Plugin;
