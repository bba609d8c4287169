process.env.TZ = 'UTC';
const preset = require('../../jest.preset.js');

/** Browser tests: real Chromium (Debian's) against the built app on an embedded PostgreSQL. */
module.exports = {
  ...preset,
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  globalSetup: '<rootDir>/support/global-setup.mjs',
  globalTeardown: '<rootDir>/support/global-teardown.mjs',
  testTimeout: 60000,
  // One browser-driven file at a time: the machine has two cores and the server needs one.
  maxWorkers: 1,
};
