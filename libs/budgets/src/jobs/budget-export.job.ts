import { defineJob, QUEUES } from '@ashar/queue';

/** What the export job needs: the row that says which version and format, and receives the file. */
export interface BudgetExportPayload {
  exportId: string;
}

/** Stable name (kept in outbox rows and queues): never rename. */
export const BUDGET_EXPORT = defineJob<BudgetExportPayload>('budget.export', QUEUES.exports);
