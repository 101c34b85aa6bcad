import { defineJob, defineQueue, defineSchedule } from '@ashar/queue';

/** A notice to many people (fanned out by the worker): a phase began, results are out, a project moved. */
export type NoticePayload = (
  | { event: 'phase'; processId: string; phase: string }
  | { event: 'results'; processId: string; winners?: number }
  | { event: 'progress'; processId: string; updateId: string }
  | { event: 'announcement'; processId: string; announcementId: string }
  /** Voting closes soon: to those who asked for notices and have not voted yet. */
  | { event: 'reminder'; processId: string; closesAt: string }
) & {
  /** `messages`: only the SMS/email part, which waited for the end of the community's quiet hours. */
  part?: 'messages';
};

/** Participation's queues and jobs. Names are stored in queues and outbox rows: never rename one. */
export const PARTICIPATION_QUEUES = {
  // A count holds one process's ballots in memory: one at a time.
  tallies: defineQueue('participation-tallies', { concurrency: 1 }),
  // Short jobs on a timer, kept off the tallies queue so a long count never delays a phase change.
  timers: defineQueue('participation-timers', { concurrency: 1 }),
  notices: defineQueue('participation-notices', { concurrency: 2 }),
} as const;

export const PARTICIPATION_JOBS = {
  count: defineJob<{ processId: string }>('participation.count', PARTICIPATION_QUEUES.tallies),
  advancePhases: defineJob<Record<string, never>>('participation.advance-phases', PARTICIPATION_QUEUES.timers),
  notify: defineJob<NoticePayload>('participation.notify', PARTICIPATION_QUEUES.notices),
} as const;

/** A planned phase start is applied within a minute. */
export const PARTICIPATION_SCHEDULES = [defineSchedule(PARTICIPATION_JOBS.advancePhases, { every: 60_000, payload: {} })];
