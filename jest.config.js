/** @type {import('jest').Config} */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

module.exports = {
  testTimeout: 120000,
  projects: [
    // Pure units: no database, no network, run in parallel.
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    // Real Neo4j over Bolt, started once for the whole run (see test/support/database.ts).
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    // Generated hostile input (fast-check) to pure code: the format readers. No database.
    { ...shared, displayName: 'property', testMatch: ['<rootDir>/test/property/**/*.test.ts'] },
    // Headless Chromium against the real server (the playground); same Neo4j as integration.
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    // Real processes (`node dist/src/cli.js`, built by `pretest`) killed, stopped and signalled;
    // generated hostile GraphQL. Same Neo4j as integration; servers that own a database start
    // their own. See docs/reliability.md.
    {
      ...shared,
      displayName: 'reliability',
      testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    // Minutes of load: only `npm run test:soak` (PAPERGRAPH_SOAK=1), never `npm test`.
    ...(process.env.PAPERGRAPH_SOAK
      ? [
          {
            ...shared,
            displayName: 'soak',
            testMatch: ['<rootDir>/test/soak/**/*.test.ts'],
            globalSetup: '<rootDir>/test/support/global-setup.ts',
            globalTeardown: '<rootDir>/test/support/global-teardown.ts',
          },
        ]
      : []),
  ],
};
