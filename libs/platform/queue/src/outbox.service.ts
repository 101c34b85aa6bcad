import { Injectable } from '@nestjs/common';
import { managerOf, Transaction } from '@ashar/database';
import { EntityManager } from 'typeorm';
import { JobDefinition } from './job';
import { OutboxMessage } from './outbox-message.entity';

@Injectable()
export class OutboxService {
  /**
   * Call inside the transaction of the write that needs the job (the job exists only if that write
   * commits). `jobId` makes it idempotent: the same jobId twice keeps one message.
   */
  async enqueueJob<P extends object>(tx: Transaction, job: JobDefinition<P>, payload: P, jobId: string): Promise<void> {
    await this.enqueue(managerOf(tx), job.queue, job.name, payload as Record<string, unknown>, jobId);
  }

  /**
   * Call inside the transaction of the write that needs the job. `jobId` makes the job idempotent:
   * writing the same jobId twice keeps one message (ON CONFLICT DO NOTHING).
   */
  async enqueue(
    manager: EntityManager,
    queue: string,
    name: string,
    payload: Record<string, unknown>,
    jobId: string,
  ): Promise<void> {
    // BullMQ refuses ':' in custom ids (its key separator); failing here keeps a bad id out of the outbox.
    if (jobId.includes(':')) throw new Error(`Job id must not contain ':' (${jobId})`);
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({ queue, name, payload: payload as never, jobId })
      .orIgnore()
      .execute();
  }
}
