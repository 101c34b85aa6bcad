// Jest's globalSetup runs outside the module sandbox, so moduleNameMapper does not apply: map the
// tsconfig path aliases (@ashar/...) here before loading the TypeScript setup code.
const Module = require('module');
const path = require('path');
const { compilerOptions } = require('../../tsconfig.base.json');

const root = path.join(__dirname, '../..');
const aliases = Object.fromEntries(Object.entries(compilerOptions.paths).map(([k, [v]]) => [k, path.join(root, v)]));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};

module.exports = async function globalSetup() {
  const { ensureTemplateDatabase } = require('./template-database.ts');
  process.env.ASHAR_TEST_TEMPLATE = await ensureTemplateDatabase();
};
