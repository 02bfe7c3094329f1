import js from '@eslint/js';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// graphql-eslint loads one GraphQL config per lint run, so both sets of operations are projects of it; each file
// is checked against its project's schema and fragments.
const graphQLConfig = {
  projects: {
    // The operations the tests and benchmarks send (fragments are shared between the two folders).
    tests: {
      schema: ['schema/schema.graphql', 'test/fixtures/federation-runtime.graphql'],
      documents: ['test/operations/**/*.graphql', 'bench/operations/**/*.graphql'],
    },
    // The frontend example's graphql(`…`) calls.
    frontend: {
      schema: ['schema/schema.graphql'],
      documents: ['examples/frontend/src/**/*.tsx'],
    },
  },
};

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
  // The frontend example runs in the browser; its operations, written in graphql(`…`) calls beside the
  // components, are linted like the tests' against the committed SDL.
  {
    files: ['examples/frontend/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    processor: graphqlPlugin.processor,
  },
  {
    files: ['examples/frontend/src/**/*.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: graphqlPlugin.configs['flat/operations-recommended'].rules,
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The operations the tests and benchmarks send, checked against the committed SDL plus what the federation
  // runtime adds.
  {
    files: ['test/operations/**/*.graphql', 'bench/operations/**/*.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig },
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
