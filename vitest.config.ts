import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/global-setup.ts'],
		setupFiles: ['test/setup.ts'],
		// node-pty and child-process tests are happier in forked workers than in threads.
		pool: 'forks',
		// End-to-end flows drive a real terminal through many screens; on a loaded 2-core machine one takes well over 10 s.
		testTimeout: 60_000,
		hookTimeout: 30_000,
	},
});
