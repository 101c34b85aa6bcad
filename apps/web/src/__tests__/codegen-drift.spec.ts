import { generate } from '@graphql-codegen/cli';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codegenConfig, GENERATED_FILE, REGENERATE_COMMAND } from '../../codegen';
import { collectOperations } from '../../tools/operations-manifest';

const ROOT = path.resolve(__dirname, '../../../..');
const SRC = path.join(__dirname, '..');

// Generating takes a few seconds (schema and every operation are parsed and validated).
jest.setTimeout(60_000);

test(`${GENERATED_FILE} is what graphql-codegen makes of apps/api/schema.gql and the operations today`, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ashar-codegen-'));
  try {
    const fresh = path.join(dir, 'graphql.ts');
    await generate({ ...codegenConfig(fresh), cwd: ROOT }, true);
    const committed = fs.readFileSync(path.join(ROOT, GENERATED_FILE), 'utf8');
    if (fs.readFileSync(fresh, 'utf8') !== committed) {
      throw new Error(`${GENERATED_FILE} is out of date with apps/api/schema.gql or an *.operations.ts module. Regenerate it with \`${REGENERATE_COMMAND}\` and commit the result.`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('every operation is named, and its constant carries the types generated for that name', () => {
  const wrong: string[] = [];
  for (const op of collectOperations(SRC)) {
    const m = /^\s*(query|mutation|subscription)\s+(\w+)/.exec(op.source);
    if (!m) {
      wrong.push(`${op.module} ${op.name}: anonymous operation (codegen names types after the operation)`);
      continue;
    }
    const kind = m[1][0].toUpperCase() + m[1].slice(1);
    const want = `Operation<${m[2]}${kind}, ${m[2]}${kind}Variables>`;
    const text = fs.readFileSync(path.join(SRC, op.module), 'utf8');
    const typed = new RegExp(`export const ${op.name} = \`[\\s\\S]*?\` as (Operation<\\w+, \\w+>);`).exec(text)?.[1];
    if (typed !== want) wrong.push(`${op.module} ${op.name}: typed ${typed ?? 'not at all'}, should be ${want}`);
  }
  expect(wrong).toEqual([]);
});

test('the generated file holds types only (no run-time code reaches the bundle)', () => {
  const text = fs.readFileSync(path.join(ROOT, GENERATED_FILE), 'utf8');
  const statements = text.split('\n').filter((l) => /^(export\s+)?(const|let|var|function|class|enum)\b/.test(l));
  expect(statements).toEqual([]);
});
