import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { TreasuryRecord } from '../domain/import-rows';
import type { TreasurySnapshotFigures } from '../domain/treasury';
import { BudgetTreasuryLine, BudgetTreasurySnapshot } from '../entities/budget-treasury-snapshot.entity';

const CHUNK = 1000;

/** The treasury's execution snapshots of budgets (budget_treasury_snapshots, budget_treasury_lines): SQL only. */
@Injectable()
export class TreasurySnapshotsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Stores a report as the budget's snapshot for its date, replacing the one stored before for that date
   * (a corrected report), in the caller's transaction. `groups`: the positions of group codes.
   */
  async replace(tx: Transaction, budgetId: string, importId: string, createdBy: string, asOf: string, recs: readonly TreasuryRecord[], groups: ReadonlySet<number>, progress: (n: number) => Promise<void>): Promise<string> {
    const m = managerOf(tx);
    await m.delete(BudgetTreasurySnapshot, { budgetId, asOf });
    const inserted = await m.insert(BudgetTreasurySnapshot, { budgetId, importId, asOf, lineCount: recs.length, createdBy });
    const snapshotId = (inserted.identifiers[0] as { id: string }).id;
    for (let i = 0; i < recs.length; i += CHUNK) {
      await m.insert(
        BudgetTreasuryLine,
        recs.slice(i, i + CHUNK).map((r, j) => ({
          snapshotId,
          position: i + j + 1,
          lineKey: r.lineKey,
          direction: r.direction,
          economicCode: r.economicCode,
          functionalCode: r.functionalCode,
          names: Object.fromEntries(Object.entries(r.names).filter(([, x]) => x)) as Record<string, string>,
          approvedPlan: r.approvedPlan,
          revisedPlan: r.revisedPlan,
          cumulativeActual: r.amount,
          isGroup: groups.has(i + j),
        })) as BudgetTreasuryLine[],
      );
      await progress(Math.min(recs.length, i + CHUNK));
    }
    return snapshotId;
  }

  /** The snapshots of these budgets, oldest first, with their lines. */
  async ofBudgets(budgetIds: readonly string[]): Promise<Map<string, Array<TreasurySnapshotFigures & { budgetId: string; importId: string | null; lineCount: number }>>> {
    const out = new Map<string, Array<TreasurySnapshotFigures & { budgetId: string; importId: string | null; lineCount: number }>>(budgetIds.map((id) => [id, []]));
    if (!budgetIds.length) return out;
    const snaps = await this.db.getRepository(BudgetTreasurySnapshot).find({ where: { budgetId: In([...budgetIds]) }, order: { asOf: 'ASC' } });
    if (!snaps.length) return out;
    const lines = await this.db.getRepository(BudgetTreasuryLine).find({ where: { snapshotId: In(snaps.map((s) => s.id)) }, order: { position: 'ASC' } });
    const bySnap = new Map<string, BudgetTreasuryLine[]>();
    for (const l of lines) bySnap.set(l.snapshotId, [...(bySnap.get(l.snapshotId) ?? []), l]);
    for (const s of snaps) out.get(s.budgetId)!.push({ id: s.id, budgetId: s.budgetId, importId: s.importId, asOf: s.asOf, lineCount: s.lineCount, lines: bySnap.get(s.id) ?? [] });
    return out;
  }

  /** How many snapshots and lines a budget has (tests: a refused file stores nothing). */
  async countOf(budgetId: string): Promise<{ snapshots: number; lines: number }> {
    const [r] = await this.db.query(`SELECT (SELECT count(*) FROM budget_treasury_snapshots WHERE budget_id = $1)::int AS snapshots, (SELECT count(*) FROM budget_treasury_lines l JOIN budget_treasury_snapshots s ON s.id = l.snapshot_id WHERE s.budget_id = $1)::int AS lines`, [budgetId]);
    return r;
  }
}
