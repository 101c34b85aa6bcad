import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxMessage } from '../outbox-message.entity';

/** A manager inside the caller's transaction (what `managerOf(tx)` gives), for the legacy `enqueue`. */
export type OutboxManager = EntityManager;

export interface PendingOutboxRow {
  id: string;
  queue: string;
  name: string;
  payload: Record<string, unknown>;
  job_id: string;
}

/** Every statement on `outbox_messages`. */
@Injectable()
export class OutboxMessagesRepository {
  constructor(private readonly db: DataSource) {}

  /** Same jobId twice keeps one row (ON CONFLICT DO NOTHING). */
  async insert(manager: OutboxManager, row: { queue: string; name: string; payload: Record<string, unknown>; jobId: string }): Promise<void> {
    await manager.createQueryBuilder().insert().into(OutboxMessage).values({ ...row, payload: row.payload as never }).orIgnore().execute();
  }

  /**
   * Locks up to `limit` undispatched rows of `queues` (oldest first, SKIP LOCKED so replicas share),
   * hands them to `dispatch` and marks them dispatched, in one transaction: if `dispatch` throws, the
   * rows stay pending. Returns how many were dispatched.
   */
  async dispatchPending(queues: string[], limit: number, dispatch: (rows: PendingOutboxRow[]) => Promise<void>): Promise<number> {
    // A query runner marked as background work, so per-request SQL accounting can leave it out.
    const runner = this.db.createQueryRunner();
    runner.data = { background: 'outbox-relay' };
    try {
      // Idle polling stays one cheap read, no transaction (the partial index makes it an index probe).
      const pending = await runner.query('SELECT 1 FROM outbox_messages WHERE dispatched_at IS NULL AND queue = ANY($1) LIMIT 1', [queues]);
      if (!pending.length) return 0;
      await runner.startTransaction();
      try {
        const rows: PendingOutboxRow[] = await runner.query(
          `SELECT id, queue, name, payload, job_id FROM outbox_messages
            WHERE dispatched_at IS NULL AND queue = ANY($1) ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [queues, limit],
        );
        if (rows.length) {
          await dispatch(rows);
          await runner.query('UPDATE outbox_messages SET dispatched_at = now() WHERE id = ANY($1)', [rows.map((r) => r.id)]);
        }
        await runner.commitTransaction();
        return rows.length;
      } catch (err) {
        await runner.rollbackTransaction();
        throw err;
      }
    } finally {
      await runner.release();
    }
  }
}
