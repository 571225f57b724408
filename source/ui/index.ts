// The terminal UI, seen from outside: runTui starts it on a run's options (the
// CLI), App renders it on given data (the bench, tests).
export {runTui} from './run.js';
export {App, type ActionResult, type AppActions, type AppProps} from './app.js';
export type {AppData, Progress} from './app-data.js';
