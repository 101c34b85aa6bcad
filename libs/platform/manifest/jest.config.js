module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'manifest',
  rootDir: __dirname,
};
