import { defineJob, defineQueue, defineSchedule } from '@ashar/queue';

/** Participation's queue and jobs. Names are stored in queues and outbox rows: never rename one. */
export const PARTICIPATION_QUEUES = {
  // A count holds one process's ballots in memory: one at a time.
  tallies: defineQueue('participation-tallies', { concurrency: 1 }),
  // Short jobs on a timer, kept off the tallies queue so a long count never delays a phase change.
  timers: defineQueue('participation-timers', { concurrency: 1 }),
} as const;

export const PARTICIPATION_JOBS = {
  count: defineJob<{ processId: string }>('participation.count', PARTICIPATION_QUEUES.tallies),
  advancePhases: defineJob<Record<string, never>>('participation.advance-phases', PARTICIPATION_QUEUES.timers),
} as const;

/** A planned phase start is applied within a minute. */
export const PARTICIPATION_SCHEDULES = [defineSchedule(PARTICIPATION_JOBS.advancePhases, { every: 60_000, payload: {} })];
