/** Pure helpers of the execution and monitoring views (no React; unit-tested in execution.spec.ts). */
import type { MonitoringNote, MonthlyLine } from './budget.operations';

export type FlagKind = 'OVERSPENT' | 'NO_DOCUMENT' | 'NO_MOVEMENT_BY_MID_YEAR';

export interface Flag {
  kind: string;
  lineKey: string | null;
  transactionId: string | null;
  amount: string | null;
}

/** The order badges are shown in: the most serious first. */
export const FLAG_ORDER: FlagKind[] = ['OVERSPENT', 'NO_DOCUMENT', 'NO_MOVEMENT_BY_MID_YEAR'];

/** Distinct flag kinds per line (a line with three undocumented records shows one badge), in FLAG_ORDER. */
export function flagsByLine(flags: Flag[]): Map<string, FlagKind[]> {
  const seen = new Map<string, Set<string>>();
  for (const f of flags) {
    if (!f.lineKey) continue;
    const set = seen.get(f.lineKey) ?? new Set<string>();
    set.add(f.kind);
    seen.set(f.lineKey, set);
  }
  const out = new Map<string, FlagKind[]>();
  for (const [key, set] of seen) out.set(key, FLAG_ORDER.filter((k) => set.has(k)));
  return out;
}

/** Twelve monthly amounts whatever the API sends (missing months are zero, extra ones ignored). */
export function twelveMonths(monthly: readonly string[] | null | undefined): string[] {
  return Array.from({ length: 12 }, (_, i) => (monthly?.[i] && /^-?\d+$/.test(monthly[i]) ? monthly[i] : '0'));
}

/**
 * Percent executed, one decimal, computed exactly from minor units; null without a plan.
 * The API's `percent` is preferred when present; this is the fallback and the test of it.
 */
export function percentExecuted(line: Pick<MonthlyLine, 'amount' | 'actual' | 'percent'>): number | null {
  if (line.percent != null) return line.percent;
  const plan = BigInt(line.amount || '0');
  if (plan <= BigInt(0)) return null;
  const tenths = (BigInt(line.actual || '0') * BigInt(1000) + plan / BigInt(2)) / plan;
  return Number(tenths) / 10;
}

/** Notes needing work first (confirmed issue, concern, question), resolved last; oldest first within a status. */
export function sortNotes(notes: readonly MonitoringNote[]): MonitoringNote[] {
  const rank: Record<string, number> = { CONFIRMED_ISSUE: 0, CONCERN: 1, QUESTION: 2, RESOLVED: 3 };
  return [...notes].sort((a, b) => (rank[a.status] ?? 9) - (rank[b.status] ?? 9) || a.createdAt.localeCompare(b.createdAt));
}

/** What the public page shows: resolved notes only (a member visiting it also receives the open ones). */
export function publicNotes(notes: readonly MonitoringNote[]): MonitoringNote[] {
  return notes.filter((n) => n.status === 'RESOLVED');
}

/** The create form's single "About" select: `line:<lineKey>` or `tx:<transactionId>` → mutation input. */
export function parseTarget(value: string): { lineKey: string | null; transactionId: string | null } {
  if (value.startsWith('line:')) return { lineKey: value.slice(5) || null, transactionId: null };
  if (value.startsWith('tx:')) return { lineKey: null, transactionId: value.slice(3) || null };
  return { lineKey: null, transactionId: null };
}
