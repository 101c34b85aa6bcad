// Static checks of the code's shape (where SQL lives, which context touches which table): no database, no Redis.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'architecture',
  rootDir: __dirname,
  testTimeout: 120000,
};
