module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'backup',
  rootDir: __dirname,
  globalSetup: '<rootDir>/../support/global-setup.js',
  testTimeout: 120000,
};
