/**
 * The layering rules of CONTRIBUTING.md and docs/architecture.md, checked by `npm run deps:check` in CI.
 * Data flows one way: resolvers -> src/entities (each entity's *.rules.ts) -> datasources/loaders -> datasources/upstream
 * -> datasources/v41 -> HTTP. An entity's folder (src/entities/<entity>/) names its files by job, so a rule can tell them
 * apart: `*.type.ts` (TypeGraphQL class), `*.mapping.ts` (v41 record -> type, pure), `*.rules.ts` (queries, fields that
 * need loaders, the reference resolver). docs/adding-an-entity.md.
 * Type-only imports count too (tsPreCompilationDeps): a cycle of types is still a cycle a reader must untangle.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other cannot be understood, tested or moved alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'datasources-below-the-graph',
      severity: 'error',
      comment: 'datasources/ (client, loaders, cache, simulator) knows nothing of GraphQL, the server or the resolvers.',
      from: { path: '^datasources/' },
      to: { path: '^(src|resolvers)/' },
    },
    {
      name: 'resolvers-through-loaders',
      severity: 'error',
      comment: 'Resolvers adapt GraphQL; they reach PrivX only through src/entities and the loaders, never the client, cache or HTTP.',
      from: { path: '^resolvers/' },
      to: { path: '^datasources/(v41|cache|simulator)/' },
    },
    {
      name: 'mapping-is-pure',
      severity: 'error',
      comment:
        'v41 -> unified mapping is pure functions over records: a *.mapping.ts file imports only the v41 record types, ' +
        'other mapping files, the type classes it builds (*.type.ts) and the pure grant rules of src/access; never a ' +
        'loader, client, cache, rules file, resolver or the server.',
      from: { path: '\\.mapping\\.ts$' },
      to: {
        pathNot: '(\\.mapping\\.ts|\\.type\\.ts|^datasources/v41/models\\.ts|^src/access/[^/]+\\.ts)$',
        dependencyTypesNot: ['npm', 'npm-dev', 'core'],
      },
    },
    {
      name: 'types-hold-no-rules',
      severity: 'error',
      comment:
        'A *.type.ts class is the GraphQL shape and its lazily mapped getters: it may use mapping files and other type ' +
        'classes, never a rules file, a loader, the client or a resolver (those come in through resolvers/ and *.rules.ts).',
      from: { path: '\\.type\\.ts$' },
      to: { path: '(\\.rules\\.ts$|^datasources/(?!v41/models)|^resolvers/|^src/(schema/|server|context|auth/|observability/))' },
    },
    {
      name: 'entities-below-the-writes',
      severity: 'error',
      comment:
        'The writes (src/grants, src/local-users, src/writes) use the entities; an entity folder never reaches back ' +
        'into them, so an entity can be read, tested and moved without the mutations.',
      from: { path: '^src/entities/' },
      to: { path: '^src/(grants|local-users|writes|subscriptions)/' },
    },
    {
      name: 'product-not-to-tools',
      severity: 'error',
      comment: 'The product never imports its tests, benchmarks, examples or tools.',
      from: { path: '^(src|resolvers|datasources)/' },
      to: { path: '^(test|bench|examples|tools)/' },
    },
    {
      name: 'bench-through-the-public-entry',
      severity: 'error',
      comment:
        'The benchmark is a user of the package: it reaches the product only through src/index.ts, the public surface, and ' +
        'brings what it measures the product against (naive loaders, the SDL-first baseline, the ceiling) itself.',
      from: { path: '^bench/' },
      to: { path: '^(src|resolvers|datasources)/', pathNot: '^src/index\\.ts$' },
    },
    {
      name: 'bench-not-to-tests',
      severity: 'error',
      comment: 'The benchmark runs without the test suite: what both need (a redis-server starter) lives in tools/.',
      from: { path: '^bench/' },
      to: { path: '^test/' },
    },
    {
      name: 'test-helpers-not-to-bench',
      severity: 'error',
      comment: 'Test helpers serve every suite; only the tests of the benchmark (test/bench, and a test pricing naive mode) import bench/.',
      from: { path: '^test/helpers/' },
      to: { path: '^bench/' },
    },
    {
      name: 'tools-stand-alone',
      severity: 'error',
      comment: 'tools/ (process starters both the tests and the benchmark use) depends on Node and npm packages only.',
      from: { path: '^tools/' },
      to: { path: '^(src|resolvers|datasources|bench|test|examples)/' },
    },
    {
      name: 'explorer-browser-code-is-bundled',
      severity: 'error',
      comment:
        "The explorer's browser code (src/explorer/browser) is bundled at build time (tools/explorer-bundle.ts) and " +
        'served as files; Node never loads it, so nothing in the product imports it.',
      from: { path: '^(src|resolvers|datasources)/', pathNot: '^src/explorer/browser/' },
      to: { path: '^src/explorer/browser/' },
    },
    {
      name: 'product-not-to-dev-dependencies',
      severity: 'error',
      comment:
        'What `npm ci --omit=dev` installs must be enough to run the product. Two exceptions: the explorer\'s browser ' +
        'code (esbuild bundles it, GraphiQL and React at build time; the server serves the built files), and ' +
        'pretty-stream.ts, which looks for pino-pretty on demand and falls back to JSON lines without it.',
      from: { path: '^(src|resolvers|datasources)/', pathNot: '^src/explorer/browser/|^src/observability/pretty-stream\\.ts$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // bench/peer and examples/frontend have packages of their own, which the product's install does not hold.
    exclude: { path: '(^|/)node_modules/|^dist/|^bench/peer/|^examples/frontend/' },
  },
};
