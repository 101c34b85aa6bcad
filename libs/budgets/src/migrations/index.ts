import { Budgets1795432094190 } from './1795432094190-budgets.migration';
import { BudgetActuals1795433292826 } from './1795433292826-budget-actuals.migration';
import { BudgetDocuments1795435238940 } from './1795435238940-budget-documents.migration';

/** Budgets' schema history (tables, triggers); the manifest list orders every context's by timestamp. */
export const BUDGETS_MIGRATIONS = [Budgets1795432094190, BudgetActuals1795433292826, BudgetDocuments1795435238940];
