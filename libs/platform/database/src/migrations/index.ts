import { Foundation1795430736556 } from './1795430736556-foundation.migration';
import { Budgets1795432094190 } from './1795432094190-budgets.migration';
import { BudgetActuals1795433292826 } from './1795433292826-budget-actuals.migration';
import { BudgetDocuments1795435238940 } from './1795435238940-budget-documents.migration';
import { AppRole1796215963848 } from './1796215963848-app-role.migration';
import { SignInUnlocks1796216010732 } from './1796216010732-sign-in-unlocks.migration';
// Threads' tables (libs/threads) and budgets' move onto them: here, like every migration, until the
// context manifests list their own (names and order unchanged when the files move).
import { Threads1796226302026 } from './1796226302026-threads.migration';
import { BudgetCommentsToThreads1796226318720 } from './1796226318720-budget-comments-to-threads.migration';
import { BudgetImportLocale1796226587204 } from './1796226587204-budget-import-locale.migration';

// Ordered schema history. Generate the next with `npm run cli -- migration-generate <Name>` and add it here.
export const MIGRATIONS: Function[] = [Foundation1795430736556, Budgets1795432094190, BudgetActuals1795433292826, BudgetDocuments1795435238940, AppRole1796215963848, SignInUnlocks1796216010732, Threads1796226302026, BudgetCommentsToThreads1796226318720, BudgetImportLocale1796226587204];
