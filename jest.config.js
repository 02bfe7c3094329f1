/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['reflect-metadata'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
    // jose ships ES modules only. Node 20.19+ `require`s them as they are; Jest's own module loader cannot
    // (before Node 24.9), so its files are compiled to CommonJS for the tests.
    '/node_modules/jose/.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testTimeout: 20000,
  // Most suites wait on sockets and child processes (the simulator, Redis, nginx, Chromium, `npm start`), not on
  // the CPU: one worker per core (Jest's default leaves one core to itself, so one worker on a 2-core machine).
  maxWorkers: '100%',
};
