import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '@ashar/queue';
import { DeliveryOutcome, DeliveryService } from '../services/delivery.service';
import { DELIVER_NOTIFICATION_JOB, DeliverNotificationPayload } from './deliver-notification.job';

/** Throws on a failure worth retrying (the job backs off); a final outcome returns. */
@Injectable()
@HandlesJob(DELIVER_NOTIFICATION_JOB)
export class DeliverNotificationHandler implements JobHandler<DeliverNotificationPayload> {
  constructor(private readonly delivery: DeliveryService) {}

  async handle(payload: DeliverNotificationPayload): Promise<{ outcome: DeliveryOutcome }> {
    return { outcome: await this.delivery.deliver(payload.deliveryId) };
  }

  async onFailedForGood(payload: DeliverNotificationPayload, err: Error): Promise<void> {
    await this.delivery.failForGood(payload.deliveryId, err);
  }
}
