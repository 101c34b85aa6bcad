import { DELIVER_NOTIFICATION_JOB, NOTIFICATIONS_QUEUE } from './deliver-notification.job';

/** Notifications' queue and jobs (the manifest lists them). Names are stored in queues and outbox rows: never rename one. */
export const NOTIFICATIONS_QUEUES = {
  notifications: NOTIFICATIONS_QUEUE,
} as const;

export const NOTIFICATIONS_JOBS = {
  deliver: DELIVER_NOTIFICATION_JOB,
} as const;
