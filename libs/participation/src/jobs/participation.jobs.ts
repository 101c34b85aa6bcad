import { defineJob, defineQueue } from '@ashar/queue';

/** Participation's queue and jobs. Names are stored in queues and outbox rows: never rename one. */
export const PARTICIPATION_QUEUES = {
  // A count holds one process's ballots in memory: one at a time.
  tallies: defineQueue('participation-tallies', { concurrency: 1 }),
} as const;

export const PARTICIPATION_JOBS = {
  count: defineJob<{ processId: string }>('participation.count', PARTICIPATION_QUEUES.tallies),
} as const;
