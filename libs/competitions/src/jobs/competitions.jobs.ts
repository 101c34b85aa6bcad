import { defineJob, defineQueue, defineSchedule } from '@ashar/queue';

/** Competitions' queue and jobs. Names are stored in queues and outbox rows: never rename one. */
export const COMPETITIONS_QUEUES = {
  timers: defineQueue('competitions-timers', { concurrency: 1 }),
} as const;

/** `now` (ISO) only in tests; a scheduled run passes nothing and the job uses the clock. */
export interface RemindDeadlinesPayload {
  now?: string;
}

export const COMPETITIONS_JOBS = {
  remindDeadlines: defineJob<RemindDeadlinesPayload>('competitions.remind-deadlines', COMPETITIONS_QUEUES.timers),
} as const;

/** Reminders 3 days and 1 day before a deadline go out within 15 minutes of those marks. */
export const COMPETITIONS_SCHEDULES = [defineSchedule(COMPETITIONS_JOBS.remindDeadlines, { every: 15 * 60_000, payload: {} })];
