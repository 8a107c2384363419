import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.data/**',
      'tests/.artifacts/**',
      'frontend/src/gql/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Specs are type-checked by tests/tsconfig.json; lint them without a type-aware project.
    files: ['**/__tests__/**', 'tests/**'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tooling runs under node's type stripping (`node tests/bench/bench.ts`), with the fixtures it imports:
    // promises checked against tests/tsconfig.json, syntax node can erase, type-only imports marked.
    files: ['tests/bench/**/*.ts', 'tests/load/**/*.ts', 'tests/eval/**/*.ts', 'tests/support/fixtures.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', 'TSEnumDeclaration', 'TSModuleDeclaration', 'TSParameterProperty'],
    },
  },
);
