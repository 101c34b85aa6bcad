import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import * as budgetOps from './budget.operations';
import * as publicOps from './public-budget.operations';
import { formatMinor, minorToInput } from './money';

const ROOT = path.resolve(__dirname, '../../../../..');
const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'apps/api/schema.gql'), 'utf8'));
const ops = { ...budgetOps, ...publicOps };
const operations = Object.entries(ops as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string' && /^\s*(query|mutation)\b/.test(e[1]));

test.each(operations)('%s is valid against the API schema', (_name, source) => {
  expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
});

test('money is formatted exactly from minor units', () => {
  expect(formatMinor('123456789012345678', 'ru')).toBe('1\u00a0234\u00a0567\u00a0890\u00a0123\u00a0456,78');
  expect(formatMinor('500', 'en')).toBe('5');
  expect(formatMinor('-5', 'ky')).toBe('−0,05');
  expect(minorToInput('45000050')).toBe('450000.50');
});
