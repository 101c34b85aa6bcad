// The hardening suites: the authorisation matrix and the bad-input corpus (see README.md).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'hardening',
  rootDir: __dirname,
  testMatch: ['**/*.int.spec.ts'],
  testTimeout: 180000,
  globalSetup: '<rootDir>/../support/global-setup.js',
};
