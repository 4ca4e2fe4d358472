/** Browser tests: the built pane in Debian's Chromium (see test/e2e/browser.ts). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  reporters: ['default', '<rootDir>/test/tally-reporter.js'],
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 120000,
  maxWorkers: 1,
};
