import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { collectOperations } from '../../tools/operations-manifest';

const ROOT = path.resolve(__dirname, '../../../..');
// The schema the API emits is the truth; the contract stands in until it exists.
const schemaFile = [path.join(ROOT, 'apps/api/schema.gql'), path.join(ROOT, 'docs/api-contract.graphql')].find((f) => fs.existsSync(f))!;
const schema = buildSchema(fs.readFileSync(schemaFile, 'utf8'));

// Every operation the web sends: the same list the production allow-list is built from.
const operations = collectOperations(path.join(__dirname, '..')).map((o): [string, string] => [`${o.module} ${o.name}`, o.source]);

test(`the web's operations exist (${path.relative(ROOT, schemaFile)})`, () => {
  expect(operations.length).toBeGreaterThanOrEqual(30);
  expect(operations.map(([n]) => n)).toEqual(expect.arrayContaining(['api/auth.operations.ts LOG_IN', 'pages/budget/budget.operations.ts CREATE_BUDGET']));
});

test.each(operations)('%s is valid against the API schema', (_name, source) => {
  const errors = validate(schema, parse(source)).map((e) => e.message);
  expect(errors).toEqual([]);
});
