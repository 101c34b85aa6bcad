import { defineJob, defineQueue } from '@ashar/queue';

/**
 * Budgets' queues and jobs. Names are stored in queues and outbox rows: never rename one (the queue
 * names predate per-context ownership and are kept so that deployed jobs keep running).
 */
export const BUDGETS_QUEUES = {
  // Imports and exports hold a file in memory: few at a time.
  imports: defineQueue('imports', { concurrency: 2 }),
  exports: defineQueue('exports', { concurrency: 2 }),
} as const;

export const BUDGET_JOBS = {
  import: defineJob<{ importId: string }>('budget.import', BUDGETS_QUEUES.imports),
  export: defineJob<{ exportId: string }>('budget.export', BUDGETS_QUEUES.exports),
} as const;
