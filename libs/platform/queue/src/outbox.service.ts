import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';
import { QueueName } from './queue-names';

@Injectable()
export class OutboxService {
  /**
   * Call inside the transaction of the write that needs the job. `jobId` makes the job idempotent:
   * writing the same jobId twice keeps one message (ON CONFLICT DO NOTHING).
   */
  async enqueue(
    manager: EntityManager,
    queue: QueueName,
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
