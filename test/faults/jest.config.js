// `npm run test:hard` only: the root jest.config.js leaves this folder out of `npm test`.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'faults',
  rootDir: __dirname,
  testMatch: ['**/*.hard.spec.ts'],
  // One suite, in band: it owns a throwaway PostgreSQL and Redis on fixed ports.
  maxWorkers: 1,
  testTimeout: 180_000,
};
