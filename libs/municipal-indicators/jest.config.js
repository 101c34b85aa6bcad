module.exports = { ...require('../../jest.preset.js'), displayName: 'municipal-indicators', rootDir: __dirname, globalSetup: '<rootDir>/../../test/support/global-setup.js', testTimeout: 60000 };
