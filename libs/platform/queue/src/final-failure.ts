import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * True when BullMQ will not run this job again: the last allowed attempt failed, or the error was
 * unrecoverable. BullMQ emits `failed` after every failed attempt, retried or not.
 */
export function isFailedForGood(job: Pick<Job, 'attemptsMade' | 'opts'> | undefined, err?: Error): boolean {
  if (!job) return false;
  if (err instanceof UnrecoverableError || err?.name === 'UnrecoverableError') return true;
  return job.attemptsMade >= (job.opts.attempts ?? 1);
}

/**
 * A processor that is told when a job has failed for good, so that the row the job works on can say
 * so (instead of staying "running" forever). Errors of the hook are swallowed after one log line:
 * an event handler that throws would be an unhandled rejection in the worker.
 */
export abstract class FinalFailureAwareHost extends WorkerHost {
  protected abstract onFailedForGood(job: Job, err: Error): Promise<void>;

  protected onFailedForGoodError(err: unknown, job: Job): void {
    process.stderr.write(`onFailedForGood of job ${job.id} failed: ${(err as Error)?.message ?? err}\n`);
  }

  @OnWorkerEvent('failed')
  async handleFailedEvent(job: Job | undefined, err: Error): Promise<void> {
    if (!job || !isFailedForGood(job, err)) return;
    try {
      await this.onFailedForGood(job, err);
    } catch (e) {
      this.onFailedForGoodError(e, job);
    }
  }
}
