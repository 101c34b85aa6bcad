// Lints texts as if each were the file at its `filePath` (relative to the repository root), with the
// repository's eslint.config.mjs: stdin is [{ filePath, code }], stdout the messages of each, as JSON.
// A separate process: ESLint loads its ESM config with a dynamic import, which Jest's module runtime
// does not allow.
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';

const items = JSON.parse(readFileSync(0, 'utf8'));
// The module-boundary rule reads Nx's project graph; it is not what these tests are about.
const eslint = new ESLint({ overrideConfig: { rules: { '@nx/enforce-module-boundaries': 'off' } } });
const out = [];
for (const { filePath, code } of items) {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  out.push(result?.messages ?? []);
}
process.stdout.write(JSON.stringify(out));
