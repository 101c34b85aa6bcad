import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { InjectAppLogger } from '@ashar/runtime';
import type { Logger } from 'pino';
import { DEFAULT_JOB_OPTIONS, QueueDeclaration } from './queue-declaration';
import { QUEUE_DECLARATIONS } from './queue.tokens';

interface PendingRow {
  id: string;
  queue: string;
  name: string;
  payload: Record<string, unknown>;
  job_id: string;
}

/**
 * Moves committed outbox rows into BullMQ. Runs in every API and worker process; SKIP LOCKED lets
 * replicas share the work. A crash after add() and before marking the row only re-adds a job with
 * the same jobId, which BullMQ ignores, and handlers are idempotent besides.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = false;
  private again = false;
  private readonly queueNames: string[];

  constructor(
    @Inject(QUEUE_DECLARATIONS) queues: QueueDeclaration[],
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    @InjectAppLogger() private readonly log: Logger,
  ) {
    this.queueNames = queues.map((q) => q.name);
  }

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.kick(), 1000);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }

  /** Dispatch now (called right after a commit that wrote to the outbox, and by the poller). */
  async kick(): Promise<number> {
    if (this.stopped) return 0;
    if (this.running) {
      this.again = true;
      return 0;
    }
    this.running = true;
    let total = 0;
    try {
      do {
        this.again = false;
        let n: number;
        do {
          n = await this.dispatchBatch();
          total += n;
        } while (n > 0 && !this.stopped);
      } while (this.again && !this.stopped);
    } catch (err) {
      // The poller retries; a queue backend that is briefly down must not crash the process.
      this.log.warn({ err }, 'outbox relay could not dispatch; will retry');
    } finally {
      this.running = false;
    }
    return total;
  }

  private async dispatchBatch(): Promise<number> {
    // A query runner marked as background work, so per-request SQL accounting can leave it out.
    const runner = this.dataSource.createQueryRunner();
    runner.data = { background: 'outbox-relay' };
    try {
      // Idle polling stays one cheap read, no transaction (the partial index makes it an index probe).
      // Only queues this process registered: a row for a queue only a newer release declares waits for
      // that release instead of blocking the batch (the partial index still serves both reads).
      const pending = await runner.query('SELECT 1 FROM outbox_messages WHERE dispatched_at IS NULL AND queue = ANY($1) LIMIT 1', [this.queueNames]);
      if (!pending.length) return 0;
      await runner.startTransaction();
      try {
        const rows: PendingRow[] = await runner.query(
          `SELECT id, queue, name, payload, job_id FROM outbox_messages
            WHERE dispatched_at IS NULL AND queue = ANY($1) ORDER BY created_at LIMIT 200 FOR UPDATE SKIP LOCKED`,
          [this.queueNames],
        );
        const byQueue = new Map<string, PendingRow[]>();
        for (const r of rows) {
          const list = byQueue.get(r.queue);
          if (list) list.push(r);
          else byQueue.set(r.queue, [r]);
        }
        for (const [queueName, items] of byQueue) {
          const queue = this.moduleRef.get<Queue>(getQueueToken(queueName), { strict: false });
          await queue.addBulk(
            items.map((r) => ({ name: r.name, data: r.payload, opts: { ...DEFAULT_JOB_OPTIONS, jobId: r.job_id } })),
          );
        }
        if (rows.length) await runner.query('UPDATE outbox_messages SET dispatched_at = now() WHERE id = ANY($1)', [rows.map((r) => r.id)]);
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
