import { DataSource } from 'typeorm';

/**
 * Tables whose row count may change on a refused request, on purpose:
 * - rate_limit_counters: a refused sign-in or sign-up still counts as an attempt (that is the point).
 * - migrations: never written by requests; excluded so a snapshot stays about data.
 * Queue tables live in their own schema (QUEUE_SCHEMA) and are not counted at all.
 */
export const SNAPSHOT_EXCLUDED_TABLES = ['rate_limit_counters', 'migrations'];

export interface DbSnapshot {
  counts: Record<string, number>;
  auditHead: string;
}

/** Exact row counts of every public table (one statement) and the audit chain head (max seq, its hash). */
export class DbSnapshotter {
  private sql?: string;
  constructor(private readonly db: DataSource) {}

  async take(): Promise<DbSnapshot> {
    if (!this.sql) {
      const tables: { t: string }[] = await this.db.query(
        `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      );
      const counted = tables.map((r) => r.t).filter((t) => !SNAPSHOT_EXCLUDED_TABLES.includes(t));
      this.sql = counted.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(' UNION ALL ');
    }
    const rows: { t: string; n: number }[] = await this.db.query(this.sql);
    const head: { seq: string | null; hash: string | null }[] = await this.db.query('SELECT seq::text AS seq, hash FROM audit_events ORDER BY audit_events.seq DESC LIMIT 1');
    return { counts: Object.fromEntries(rows.map((r) => [r.t, r.n])), auditHead: `${head[0]?.seq ?? 0}:${head[0]?.hash ?? ''}` };
  }
}

/** The tables (and audit head) that differ, e.g. `budget_lines 12→13`; empty when nothing changed. */
export function diffSnapshots(a: DbSnapshot, b: DbSnapshot): string[] {
  const out = Object.keys({ ...a.counts, ...b.counts })
    .filter((t) => a.counts[t] !== b.counts[t])
    .map((t) => `${t} ${a.counts[t]}→${b.counts[t]}`);
  if (a.auditHead !== b.auditHead) out.push(`audit head ${a.auditHead.split(':')[0]}→${b.auditHead.split(':')[0]}`);
  return out;
}
