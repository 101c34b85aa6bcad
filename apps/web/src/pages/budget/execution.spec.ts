import fs from 'node:fs';
import path from 'node:path';
import type { MonitoringNote } from './budget.operations';
import { flagsByLine, parseTarget, percentExecuted, publicNotes, sortNotes, twelveMonths } from './execution';
import { FLAG_KEY, FLAG_SHORT_KEY, MONTH_KEYS, NOTE_STATUS_KEY, NOTE_STATUSES } from './labels';

const ROOT = path.resolve(__dirname, '../../../../..');
const schema = fs.readFileSync(path.join(ROOT, 'apps/api/schema.gql'), 'utf8');
const enumValues = (name: string) => (new RegExp(`enum ${name}\\s*\\{([^}]*)\\}`).exec(schema)?.[1] ?? '').split(/\s+/).filter(Boolean);

const note = (id: string, status: MonitoringNote['status'], createdAt: string): MonitoringNote => ({ id, status, createdAt, title: id, body: '', lineKey: null, transactionId: null, resolvedAt: null, author: { displayName: 'A' }, replies: [] });

test('flags are grouped per line, one badge per kind, most serious first', () => {
  const byLine = flagsByLine([
    { kind: 'NO_DOCUMENT', lineKey: 'a', transactionId: 't1', amount: '100' },
    { kind: 'NO_DOCUMENT', lineKey: 'a', transactionId: 't2', amount: '200' },
    { kind: 'OVERSPENT', lineKey: 'a', transactionId: null, amount: '50' },
    { kind: 'NO_MOVEMENT_BY_MID_YEAR', lineKey: 'b', transactionId: null, amount: null },
    { kind: 'NO_DOCUMENT', lineKey: null, transactionId: 't3', amount: null },
  ]);
  expect(byLine.get('a')).toEqual(['OVERSPENT', 'NO_DOCUMENT']);
  expect(byLine.get('b')).toEqual(['NO_MOVEMENT_BY_MID_YEAR']);
  expect(byLine.size).toBe(2);
});

test('every flag kind and note status of the API has a catalogue key', () => {
  expect(Object.keys(FLAG_KEY).sort()).toEqual(enumValues('BudgetFlagKind').sort());
  expect(Object.keys(FLAG_SHORT_KEY).sort()).toEqual(enumValues('BudgetFlagKind').sort());
  expect([...NOTE_STATUSES].sort()).toEqual(enumValues('MonitoringNoteStatus').sort());
  expect(Object.keys(NOTE_STATUS_KEY).sort()).toEqual(enumValues('MonitoringNoteStatus').sort());
  expect(MONTH_KEYS).toHaveLength(12);
});

test('always twelve months, January first; bad or missing values are zero', () => {
  expect(twelveMonths(['100', '200'])).toEqual(['100', '200', ...Array(10).fill('0')]);
  expect(twelveMonths(undefined)).toHaveLength(12);
  expect(twelveMonths(Array(13).fill('5'))).toEqual(Array(12).fill('5'));
  expect(twelveMonths(['x', '-300'])).toEqual(['0', '-300', ...Array(10).fill('0')]);
});

test('percent executed: the API value when given, else exact from minor units, none without a plan', () => {
  expect(percentExecuted({ amount: '1000', actual: '1', percent: 42 })).toBe(42);
  expect(percentExecuted({ amount: '300', actual: '100', percent: null })).toBe(33.3);
  expect(percentExecuted({ amount: '300', actual: '200', percent: null })).toBe(66.7);
  expect(percentExecuted({ amount: '100', actual: '150', percent: null })).toBe(150);
  expect(percentExecuted({ amount: '123456789012345678', actual: '123456789012345678', percent: null })).toBe(100);
  expect(percentExecuted({ amount: '0', actual: '100', percent: null })).toBeNull();
});

test('notes needing work come first; the public sees resolved ones only', () => {
  const notes = [note('r', 'RESOLVED', '2026-01-01'), note('q2', 'QUESTION', '2026-03-01'), note('q1', 'QUESTION', '2026-02-01'), note('c', 'CONFIRMED_ISSUE', '2026-04-01'), note('w', 'CONCERN', '2026-05-01')];
  expect(sortNotes(notes).map((n) => n.id)).toEqual(['c', 'w', 'q1', 'q2', 'r']);
  expect(publicNotes(notes).map((n) => n.id)).toEqual(['r']);
});

test('the note target select maps to a line or a record', () => {
  expect(parseTarget('line:abc')).toEqual({ lineKey: 'abc', transactionId: null });
  expect(parseTarget('tx:t1')).toEqual({ lineKey: null, transactionId: 't1' });
  expect(parseTarget('')).toEqual({ lineKey: null, transactionId: null });
});
