import { defineJob, defineQueue, defineSchedule } from '@ashar/queue';

/** Councils' queue and jobs. Names are stored in queues and outbox rows: never rename one. */
export const COUNCILS_QUEUES = {
  followUp: defineQueue('councils', { concurrency: 1 }),
} as const;

/** `now` (ISO) only in tests; a scheduled run passes nothing and the job uses the clock. */
export interface MarkOverduePayload {
  now?: string;
}

export const COUNCILS_JOBS = {
  markOverdue: defineJob<MarkOverduePayload>('councils.mark-overdue', COUNCILS_QUEUES.followUp),
} as const;

/** Overdue recommendations and action items are marked (and their bodies told) within 15 minutes of the day turning. */
export const COUNCILS_SCHEDULES = [defineSchedule(COUNCILS_JOBS.markOverdue, { every: 15 * 60_000, payload: {} })];
