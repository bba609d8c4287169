process.env.TZ = 'UTC';
const preset = require('../../jest.preset.js');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
  // A hung test fails after a minute. `npm test` runs two workers beside the browser tier and
  // the checks on two cores: a test that takes 10 s alone may take two or three times that.
  testTimeout: 60000,
};
