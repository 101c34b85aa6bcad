module.exports = { ...require('../../jest.preset.js'), displayName: 'notifications', rootDir: __dirname, globalSetup: '<rootDir>/../../test/support/global-setup.js', testTimeout: 60000 };
