// Test tiers by file name: *.spec.ts (unit, no infrastructure), *.int-spec.ts (integration, against
// the real FerretDB, Kafka and Keycloak started by scripts/test.sh), test/**/*.e2e-spec.ts (across services).
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  moduleNameMapper: {
    '^@nangsuat/(.+?)/testing(/.*)?$': '<rootDir>/libs/$1/src/testing$2',
    '^@nangsuat/(.*)$': '<rootDir>/libs/$1/src',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The web console is its own npm project with its own tests (vitest, Playwright).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/console/'],
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/long-timeout.ts', '<rootDir>/test/support/own-topics.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/long-timeout.ts'],
      globalSetup: '<rootDir>/test/support/platform-up.ts',
      globalTeardown: '<rootDir>/test/support/platform-down.ts',
    },
  ],
};
