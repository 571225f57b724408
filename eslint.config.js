// Lint rules for the whole repository: typescript-eslint's recommended set (the one
// without type information: tsc checks the types in npm test already), React's hooks
// rules, and Prettier for layout (eslint-config-prettier turns off the rules that
// would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/', '.dist-*/', 'node_modules/', 'test/fixtures/', 'test/hostile/corpus/', 'test/decisions/fixtures/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {globals: {...globals.node}},
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
			'@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'inline-type-imports'}],
			'no-control-regex': 'off',
			eqeqeq: ['error', 'always', {null: 'ignore'}],
		},
	},
	{
		// Hooks live in the UI; test helpers named use… are vitest fixtures, not hooks.
		files: ['source/**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		rules: reactHooks.configs.recommended.rules,
	},
	prettier,
);
