import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { JobDefinition } from './job';
import { DEFAULT_JOB_OPTIONS } from './queue-declaration';

/**
 * A job to run later (quiet hours: an SMS notice waits for the morning), added from a job handler, where no
 * write needs to commit with it (so no outbox row). `jobId` keeps it once: a retried handler schedules nothing
 * more. Delayed jobs are stored by the queue backend (Redis or PostgreSQL) and survive restarts.
 */
@Injectable()
export class DelayedJobs {
  constructor(private readonly moduleRef: ModuleRef) {}

  async schedule<P extends object>(job: JobDefinition<P>, payload: P, jobId: string, delayMs: number): Promise<void> {
    if (jobId.includes(':')) throw new Error(`Job id must not contain ':' (${jobId})`);
    const queue = this.moduleRef.get<Queue>(getQueueToken(job.queue), { strict: false });
    await queue.add(job.name, payload, { ...DEFAULT_JOB_OPTIONS, jobId, delay: Math.max(0, Math.round(delayMs)) });
  }
}
