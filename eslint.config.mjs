// Lint rules the build enforces (`npm run lint`, part of `npm test`): ESLint's and typescript-eslint's
// recommended sets, without type information (fast enough to run on every test run).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'bench/.cache/**', 'node_modules/**', 'data/**', 'apps/api/src/graphiql/static/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Refusing control characters in text is a rule of ours, so some patterns name them on purpose.
      'no-control-regex': 'off',
      // `_name` marks a parameter a signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests and test support talk to untyped JSON answers and third-party internals.
    files: ['test/**', '**/*.spec.ts', '**/*.integration-spec.ts', '**/*.testing.ts', '**/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Config files and helper scripts are plain CommonJS / ESM JavaScript run by Node (the benchmark is TypeScript).
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
);
