// Types for the tests that build with these plugins.
import type {Plugin} from 'esbuild';

export declare const stringWidthFastPath: Plugin;
export declare const yogaInstantiatedAtLoad: Plugin;
export declare const inkWithoutDevtoolsImport: Plugin;
export declare const uiRuntimePackages: RegExp;
export declare function uiRuntimeImports(exportNames: Record<'ink' | 'react' | 'jsxRuntime', string[]>): Plugin;
