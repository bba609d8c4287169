process.env.TZ = 'UTC';
const preset = require('../../jest.preset.js');

/**
 * Browser tests: real Chromium (Debian's) against the built app on an embedded PostgreSQL, and
 * the unit tests of their support code (no browser, no server: run them alone with
 * `--selectProjects e2e-support`).
 */
module.exports = {
  // One browser-driven file at a time unless asked for more: each worker has a server of its own
  // (support/global-setup.mjs), which a run of a file or two does not need. `npm run test:e2e`
  // runs two workers.
  maxWorkers: 1,
  // A global option: Jest ignores it inside a project. Two minutes: `npm test` runs two workers
  // beside the API tier and the checks on two cores, where a 25 s lifecycle test may take 60 s.
  testTimeout: 120000,
  projects: [
    {
      ...preset,
      displayName: 'e2e-support',
      rootDir: __dirname,
      testMatch: ['<rootDir>/support/**/*.spec.ts'],
    },
    {
      ...preset,
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.e2e.ts'],
      // Only when a browser test runs: Jest starts a project's global setup for its own tests.
      globalSetup: '<rootDir>/support/global-setup.mjs',
      globalTeardown: '<rootDir>/support/global-teardown.mjs',
      // Points each file at its worker's server.
      setupFiles: ['<rootDir>/support/worker-server.mjs'],
    },
  ],
};
