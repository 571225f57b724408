import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/global-setup.ts'],
		setupFiles: ['test/setup.ts'],
		// node-pty and child-process tests are happier in forked workers than in threads.
		pool: 'forks',
		testTimeout: 30_000,
		hookTimeout: 30_000,
	},
});
