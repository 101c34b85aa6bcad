import { defineJob, defineQueue } from '@ashar/queue';

/** Sends one delivery record (email or SMS). The job id is the record's idempotency key. */
export interface DeliverNotificationPayload {
  deliveryId: string;
}

/** Light, I/O-bound sends: many at a time. The name predates this library and is kept for deployed jobs. */
export const NOTIFICATIONS_QUEUE = defineQueue('notifications', { concurrency: 10 });

export const DELIVER_NOTIFICATION_JOB = defineJob<DeliverNotificationPayload>('notifications.deliver', NOTIFICATIONS_QUEUE);
