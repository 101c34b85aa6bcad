import { defineJob, defineQueue } from '@ashar/queue';

/** A notice to many people (fanned out by the worker): a phase began, results are out, a project moved. */
export type NoticePayload =
  | { event: 'phase'; processId: string; phase: string }
  | { event: 'results'; processId: string; winners?: number }
  | { event: 'progress'; processId: string; updateId: string };

/** Participation's queues and jobs. Names are stored in queues and outbox rows: never rename one. */
export const PARTICIPATION_QUEUES = {
  // A count holds one process's ballots in memory: one at a time.
  tallies: defineQueue('participation-tallies', { concurrency: 1 }),
  notices: defineQueue('participation-notices', { concurrency: 2 }),
} as const;

export const PARTICIPATION_JOBS = {
  count: defineJob<{ processId: string }>('participation.count', PARTICIPATION_QUEUES.tallies),
  notify: defineJob<NoticePayload>('participation.notify', PARTICIPATION_QUEUES.notices),
} as const;
