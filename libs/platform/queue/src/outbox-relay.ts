import { getQueueToken } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { InjectAppLogger } from '@ashar/runtime';
import type { Logger } from 'pino';
import { DEFAULT_JOB_OPTIONS, QueueDeclaration } from './queue-declaration';
import { QUEUE_DECLARATIONS } from './queue.tokens';
import { OutboxMessagesRepository, PendingOutboxRow } from './repositories/outbox-messages.repository';

const SHUTDOWN_WAIT_MS = 10_000;

/**
 * Moves committed outbox rows into BullMQ. Runs in every API and worker process; SKIP LOCKED lets
 * replicas share the work. A crash after add() and before marking the row only re-adds a job with
 * the same jobId, which BullMQ ignores, and handlers are idempotent besides.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = false;
  private again = false;
  private readonly queueNames: string[];

  constructor(
    @Inject(QUEUE_DECLARATIONS) queues: QueueDeclaration[],
    private readonly outbox: OutboxMessagesRepository,
    private readonly moduleRef: ModuleRef,
    @InjectAppLogger() private readonly log: Logger,
  ) {
    this.queueNames = queues.map((q) => q.name);
  }

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.kick(), 1000);
    this.timer.unref();
  }

  /**
   * Before the queues close (their onApplicationShutdown): a batch handed to a queue that closes under it
   * never settles, and the process hung on shutdown (seen in tests under load). Waits for the running
   * batch at most SHUTDOWN_WAIT_MS: rows not yet marked dispatched stay in the outbox for the next relay.
   */
  async beforeApplicationShutdown() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    const until = Date.now() + SHUTDOWN_WAIT_MS;
    while (this.running && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    if (this.running) this.log.warn('outbox relay: a dispatch was still running at shutdown; its rows stay in the outbox');
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

  private dispatchBatch(): Promise<number> {
    // Only queues this process registered: a row for a queue only a newer release declares waits for
    // that release instead of blocking the batch.
    return this.outbox.dispatchPending(this.queueNames, 200, async (rows) => {
      const byQueue = new Map<string, PendingOutboxRow[]>();
      for (const r of rows) {
        const list = byQueue.get(r.queue);
        if (list) list.push(r);
        else byQueue.set(r.queue, [r]);
      }
      for (const [queueName, items] of byQueue) {
        const queue = this.moduleRef.get<Queue>(getQueueToken(queueName), { strict: false });
        await queue.addBulk(items.map((r) => ({ name: r.name, data: r.payload, opts: { ...DEFAULT_JOB_OPTIONS, jobId: r.job_id } })));
      }
    });
  }
}
