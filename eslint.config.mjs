import js from '@eslint/js';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test/generated/', 'coverage/', 'examples/frontend/dist/', 'examples/frontend/src/gql/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  // The frontend example runs in the browser.
  {
    files: ['examples/frontend/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The operations the tests and benchmarks send, checked against the committed SDL plus what the federation
  // runtime adds (fragments are shared between the two folders).
  {
    files: ['test/operations/**/*.graphql', 'bench/operations/**/*.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: {
        graphQLConfig: {
          schema: ['schema/schema.graphql', 'test/fixtures/federation-runtime.graphql'],
          documents: ['test/operations/**/*.graphql', 'bench/operations/**/*.graphql'],
        },
      },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/operations-recommended'].rules,
      // `_Any` is the federation spec's name for an entity representation.
      '@graphql-eslint/naming-convention': [
        'error',
        { ...graphqlPlugin.configs['flat/operations-recommended'].rules['@graphql-eslint/naming-convention'][1], allowLeadingUnderscore: true },
      ],
    },
  },
);
