import { computeTotals, Totals } from './totals';
import { PlanLine } from './types';

export type LineChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';

export interface LineChange {
  kind: LineChangeKind;
  lineKey: string;
  direction: PlanLine['direction'];
  economicCode: string;
  functionalCode: string | null;
  names: PlanLine['names'];
  before: bigint | null;
  after: bigint | null;
  /** after − before (an added line counts from 0, a removed one to 0). */
  delta: bigint;
  /** What else changed besides the amount. */
  fields: Array<'amount' | 'names' | 'economicCode' | 'functionalCode' | 'direction'>;
}

export interface VersionDiff {
  changes: LineChange[];
  before: Totals;
  after: Totals;
}

/**
 * Line-by-line comparison of two versions. Lines keep their key across versions (an amendment
 * copies them), so a line whose code was corrected is CHANGED, not REMOVED + ADDED.
 */
export function diffVersions(from: ReadonlyArray<PlanLine>, to: ReadonlyArray<PlanLine>): VersionDiff {
  const a = new Map(from.map((l) => [l.lineKey, l]));
  const b = new Map(to.map((l) => [l.lineKey, l]));
  const changes: LineChange[] = [];
  for (const l of to) {
    const old = a.get(l.lineKey);
    if (!old) {
      changes.push({ kind: 'ADDED', ...pick(l), before: null, after: l.amount, delta: l.amount, fields: [] });
      continue;
    }
    const fields: LineChange['fields'] = [];
    if (old.amount !== l.amount) fields.push('amount');
    if (JSON.stringify(normNames(old.names)) !== JSON.stringify(normNames(l.names))) fields.push('names');
    if (old.economicCode !== l.economicCode) fields.push('economicCode');
    if ((old.functionalCode ?? null) !== (l.functionalCode ?? null)) fields.push('functionalCode');
    if (old.direction !== l.direction) fields.push('direction');
    if (fields.length) changes.push({ kind: 'CHANGED', ...pick(l), before: old.amount, after: l.amount, delta: l.amount - old.amount, fields });
  }
  for (const l of from) {
    if (!b.has(l.lineKey)) changes.push({ kind: 'REMOVED', ...pick(l), before: l.amount, after: null, delta: -l.amount, fields: [] });
  }
  changes.sort((x, y) => x.direction.localeCompare(y.direction) * -1 || x.economicCode.localeCompare(y.economicCode) || x.lineKey.localeCompare(y.lineKey));
  return { changes, before: computeTotals(from), after: computeTotals(to) };
}

function pick(l: PlanLine) {
  return { lineKey: l.lineKey, direction: l.direction, economicCode: l.economicCode, functionalCode: l.functionalCode ?? null, names: l.names };
}

function normNames(n: PlanLine['names']) {
  return { ky: n.ky || null, ru: n.ru || null, en: n.en || null, kk: n.kk || null };
}
