// Static checks of the deployment files: no database, no Redis, so no globalSetup.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'deploy',
  rootDir: __dirname,
};
