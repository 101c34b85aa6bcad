/** What changed between two versions of a stage's answers, field by field (a field is compared whole). */
export interface AnswerChange {
  field: string;
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  before: unknown;
  after: unknown;
}

/** Stable JSON (object keys sorted) so that key order never counts as a change. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v ?? null);
}

export function diffAnswers(before: Record<string, unknown>, after: Record<string, unknown>): AnswerChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: AnswerChange[] = [];
  for (const field of keys) {
    const has = (o: Record<string, unknown>) => o[field] !== undefined && o[field] !== null;
    if (!has(before) && has(after)) out.push({ field, change: 'ADDED', before: null, after: after[field] });
    else if (has(before) && !has(after)) out.push({ field, change: 'REMOVED', before: before[field], after: null });
    else if (has(before) && canonical(before[field]) !== canonical(after[field])) out.push({ field, change: 'CHANGED', before: before[field], after: after[field] });
  }
  return out;
}
