// Every project's Jest config, run in one Jest process by `npm test` (see test/run-all.mjs).
const fs = require('fs');
const path = require('path');

function findConfigs(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // Fault runs restart and kill services: only `npm run test:hard` runs them (test/run-hard.mjs).
    if (full === path.join(__dirname, 'test', 'faults')) continue;
    if (entry.isDirectory()) findConfigs(full, out);
    else if (entry.name === 'jest.config.js') out.push(full);
  }
  return out;
}

const projects = ['apps', 'libs', 'test']
  .filter((d) => fs.existsSync(path.join(__dirname, d)))
  .flatMap((d) => findConfigs(path.join(__dirname, d)));
// testTimeout is a global option: project configs cannot set it in a multi-project run.
module.exports = {
  projects,
  testTimeout: 120000,
  // Two files at a time on these 2-core machines: most wait on PostgreSQL, Redis or a browser, so the run
  // takes about half as long (7 instead of 15 minutes); every suite has its own database and queue names.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/slowest-suites.reporter.js'],
};
