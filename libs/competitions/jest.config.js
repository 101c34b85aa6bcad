module.exports = { ...require('../../jest.preset.js'), displayName: 'competitions', rootDir: __dirname, globalSetup: '<rootDir>/../../test/support/global-setup.js', testTimeout: 60000 };
