// Three projects: unit specs beside the code (no database, no server), integration specs beside the code
// that open a store (SQLite files, PostgreSQL, the KurrentDB fake), end-to-end suites through HTTP in test/.
const moduleNameMapper = {
  '^@actiemonitor/domain$': '<rootDir>/libs/domain/src',
  '^@actiemonitor/event-store$': '<rootDir>/libs/event-store/src',
  '^@actiemonitor/read-models$': '<rootDir>/libs/read-models/src',
  '^@actiemonitor/application$': '<rootDir>/libs/application/src',
  '^@actiemonitor/config$': '<rootDir>/config/src',
  '^@actiemonitor/platform$': '<rootDir>/libs/platform/src',
};
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] };
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
};
module.exports = {
  // End-to-end suites start real server processes; 60 s covers a cold start on a busy 2-core machine.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps,config}/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/{libs,apps,config}/**/*.integration-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
