import { BudgetCommentsToThreads1796226318720 } from './1796226318720-budget-comments-to-threads.migration';

export { BudgetCommentsToThreads1796226318720 };

/**
 * Budgets' migrations that live in this library (the older ones are still in libs/platform/database
 * until the context manifests move them here, names and order unchanged).
 */
export const BUDGETS_LIBRARY_MIGRATIONS: Function[] = [BudgetCommentsToThreads1796226318720];
