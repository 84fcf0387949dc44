/** One Jest config for the backend (node) and, later, the UI extensions (babel-jest lets ESM packages through). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src', '<rootDir>/extensions'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.[jt]sx?$': 'babel-jest' },
  transformIgnorePatterns: ['/node_modules/(?!(@hubspot/ui-extensions|@remote-ui|tinyspy)/)'],
  moduleNameMapper: {
    '^@lead-pact/contracts$': '<rootDir>/src/contracts/index.ts',
    '^@lead-pact/labels$': '<rootDir>/src/domain/i18n/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/global-setup.ts',
};
