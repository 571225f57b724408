// Start-up speed, seen from outside: the V8 code cache that keeps the Ink and React
// runtime compiled between starts (the build routes `ink` and `react` imports to
// ui-runtime-loader.ts, which runs ui-runtime.cjs through it).
export {runWithCodeCache, saveCodeCaches, type CacheLocation} from './code-cache.js';
