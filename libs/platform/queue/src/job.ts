import { SetMetadata } from '@nestjs/common';
import { QueueDeclaration } from './queue-declaration';

/**
 * A background job: a stable name (kept in queues and outbox rows, so never renamed), the queue it
 * runs on, and its payload type. Each context declares its jobs as constants of this type in its own
 * `jobs/` folder; producers enqueue with the constant, so name, queue and payload cannot drift apart.
 */
export interface JobDefinition<P extends object = Record<string, unknown>> {
  readonly name: string;
  readonly queue: string;
  /** Phantom field: carries the payload type only. */
  readonly __payload?: P;
}

export function defineJob<P extends object>(name: string, on: string | QueueDeclaration): JobDefinition<P> {
  const queue = typeof on === 'string' ? on : on.name;
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/i.test(name)) throw new Error(`Job name must be "<context>.<job>" (${name})`);
  if (queue.includes(':')) throw new Error(`Queue name must not contain ':' (${queue})`);
  return { name, queue };
}

/** What a handler may do with the running job besides reading its payload. */
export interface JobRunContext {
  readonly jobId: string;
  /** 1 on the first run. */
  readonly attempt: number;
  progress(pct: number): Promise<void>;
}

/**
 * One class per job (an injectable provider marked with `@HandlesJob(definition)`); it calls services
 * only. Throwing retries the job with backoff; `onFailedForGood` runs once when no retry is left, so
 * the row the job works on can say so instead of staying "running".
 */
export interface JobHandler<P extends object = Record<string, unknown>> {
  handle(payload: P, ctx: JobRunContext): Promise<unknown>;
  onFailedForGood?(payload: P, err: Error, ctx: JobRunContext): Promise<void>;
}

export const JOB_HANDLER_METADATA = 'ashar:job-handler';

/** Marks a provider as the handler of one job; the worker's dispatcher finds it by the job's name. */
export const HandlesJob = (job: JobDefinition<object>) => SetMetadata(JOB_HANDLER_METADATA, job);

/** Raised for a job no handler claims: the job fails (retried, then kept as failed), never acknowledged. */
export class UnknownJobError extends Error {
  constructor(readonly queue: string, readonly jobName: string) {
    super(`No handler for job "${jobName}" on queue "${queue}"`);
    this.name = 'UnknownJobError';
  }
}

/**
 * A job the worker runs on a timer (overdue checks, phases that open on their date), declared in the
 * manifest next to the job. The job itself must be idempotent and read "now" itself: a tick may run
 * late, twice after a restart, or be skipped while no worker is up, and the next tick catches up.
 */
export interface JobSchedule<P extends object = Record<string, unknown>> {
  /** Stable id of the schedule in the queue (the job's name: one schedule per job). */
  readonly id: string;
  readonly job: JobDefinition<P>;
  /** Milliseconds between runs. */
  readonly every: number;
  readonly payload: P;
}

export function defineSchedule<P extends object>(job: JobDefinition<P>, opts: { every: number; payload: P }): JobSchedule<P> {
  if (!Number.isInteger(opts.every) || opts.every < 1000) throw new Error(`Schedule of ${job.name}: every must be at least 1000 ms (${opts.every})`);
  return { id: job.name, job, every: opts.every, payload: opts.payload };
}
