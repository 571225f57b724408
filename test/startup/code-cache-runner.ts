// A start in a child process for code-cache.test.ts: runs a script through the
// code cache, saves what it lacked, and prints the script's answer and how many caches were written.
import {runWithCodeCache, saveCodeCaches} from '../../source/startup/code-cache.js';

const [script, folder] = process.argv.slice(2) as [string, string];
const {answer} = runWithCodeCache(script, {folder, name: 'fixture', key: 'build-1'}) as {answer: number};
process.stdout.write(JSON.stringify({answer, written: saveCodeCaches()}));
