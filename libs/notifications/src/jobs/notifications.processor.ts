import { Processor } from '@nestjs/bullmq';
import { FinalFailureAwareHost, QUEUES, UnknownJobError } from '@ashar/queue';
import { Job } from 'bullmq';
import { DELIVER_NOTIFICATION_JOB } from './deliver-notification.job';
import { DeliverNotificationHandler } from './deliver-notification.handler';

/**
 * Interim bridge from BullMQ to the job handlers until the worker's dispatcher runs `@HandlesJob`
 * providers by name; an unknown name throws (retried, then kept as failed), never acknowledged.
 */
@Processor(QUEUES.notifications, { concurrency: 10 })
export class NotificationsProcessor extends FinalFailureAwareHost {
  constructor(private readonly deliver: DeliverNotificationHandler) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === DELIVER_NOTIFICATION_JOB.name) return this.deliver.handle(job.data);
    throw new UnknownJobError(QUEUES.notifications, job.name);
  }

  protected async onFailedForGood(job: Job, err: Error): Promise<void> {
    if (job.name === DELIVER_NOTIFICATION_JOB.name) await this.deliver.onFailedForGood(job.data, err);
  }
}
