import { defineJob, QUEUES } from '@ashar/queue';

/** Sends one delivery record (email or SMS). The job id is the record's idempotency key. */
export interface DeliverNotificationPayload {
  deliveryId: string;
}

export const DELIVER_NOTIFICATION_JOB = defineJob<DeliverNotificationPayload>('notifications.deliver', QUEUES.notifications);
