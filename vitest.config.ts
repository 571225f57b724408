import {defineConfig} from 'vitest/config';

/**
 * Tests of pure logic and in-process rendering: no child process, server, terminal or
 * environment change, and no state a file leaves behind that another reads. They share
 * one module graph per worker (isolate: false), which halved their time: a fresh graph
 * per file spent most of it importing the matcher, Ink and React again.
 */
const inProcess = [
	'test/screening/**',
	'test/query/**',
	'test/text/**',
	'test/records/**',
	'test/dates/**',
	'test/tables/**',
	'test/ui/**',
	'test/exposure/**',
	'test/sources/parsers/**',
].map(folder => `${folder}/*.test.{ts,tsx}`);

export default defineConfig({
	test: {
		globalSetup: ['test/global-setup.ts'],
		setupFiles: ['test/setup.ts'],
		// node-pty and child-process tests are happier in forked workers than in threads.
		pool: 'forks',
		// Most files wait on child processes, a PTY or PostgreSQL rather than the CPU; vitest's default on a
		// 2-core machine is one worker (cores - 1), which left the second core idle for most of the run. With
		// two, the cores were still idle a sixth of the time (a file waiting on a connect timeout or a frame).
		maxWorkers: 3,
		// End-to-end flows drive a real terminal through many screens; on a loaded 2-core machine one takes well over 10 s.
		testTimeout: 60_000,
		hookTimeout: 30_000,
		projects: [
			{extends: true, test: {name: 'in-process', include: inProcess, isolate: false}},
			{extends: true, test: {name: 'isolated', include: ['test/**/*.test.{ts,tsx}'], exclude: inProcess}},
		],
	},
});
