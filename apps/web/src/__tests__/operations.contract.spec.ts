import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import * as auth from '../api/auth.operations';
import * as territory from '../api/territory.operations';

const ROOT = path.resolve(__dirname, '../../../..');
// The schema the API emits is the truth; the contract stands in until it exists.
const schemaFile = [path.join(ROOT, 'apps/api/schema.gql'), path.join(ROOT, 'docs/api-contract.graphql')].find((f) => fs.existsSync(f))!;
const schema = buildSchema(fs.readFileSync(schemaFile, 'utf8'));

const operations = Object.entries({ ...auth, ...territory } as Record<string, unknown>).filter(
  (e): e is [string, string] => typeof e[1] === 'string' && /^\s*(query|mutation)\b/.test(e[1]),
);

test(`the web's operations exist (${path.relative(ROOT, schemaFile)})`, () => {
  expect(operations.length).toBeGreaterThanOrEqual(10);
});

test.each(operations)('%s is valid against the API schema', (_name, source) => {
  const errors = validate(schema, parse(source)).map((e) => e.message);
  expect(errors).toEqual([]);
});
