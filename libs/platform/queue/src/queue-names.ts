/** Every queue the platform has; one place, so API (producer) and worker (consumer) agree. */
export const QUEUES = {
  notifications: 'notifications',
  imports: 'imports',
  exports: 'exports',
  tallies: 'tallies',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const ALL_QUEUES: QueueName[] = Object.values(QUEUES);

/** Defaults for every job: retries with backoff; finished jobs kept a day so jobId de-duplication holds. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
