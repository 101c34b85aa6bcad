module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['**/*.e2e.spec.ts'],
  // Building the web app, starting PostgreSQL + API and driving Chromium take minutes, not seconds.
  testTimeout: 240_000,
};
