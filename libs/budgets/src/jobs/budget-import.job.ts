import { defineJob, QUEUES } from '@ashar/queue';

/** The budgets import job: one per import (job id `budget-import.<id>`), on the imports queue. Name kept: queued jobs carry it. */
export const BUDGET_IMPORT_JOB = defineJob<{ importId: string }>('budget.import', QUEUES.imports);
