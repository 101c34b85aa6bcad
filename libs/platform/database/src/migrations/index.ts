import { Foundation1795430736556 } from './1795430736556-foundation.migration';
import { Budgets1795432094190 } from './1795432094190-budgets.migration';
import { BudgetActuals1795433292826 } from './1795433292826-budget-actuals.migration';
import { BudgetDocuments1795435238940 } from './1795435238940-budget-documents.migration';
import { AppRole1796215963848 } from './1796215963848-app-role.migration';
import { SignInUnlocks1796216010732 } from './1796216010732-sign-in-unlocks.migration';
// Until each context's manifest lists its own migrations (issue 8), the libraries' ones are registered
// here; only their migration classes are imported (TypeORM, no Nest module), in timestamp order.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { Threads1796226302026 } from '@ashar/threads/migrations';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { BudgetCommentsToThreads1796226318720 } from '@ashar/budgets/migrations';

// Ordered schema history. Generate the next with `npm run cli -- migration-generate <Name>` and add it here.
export const MIGRATIONS: Function[] = [Foundation1795430736556, Budgets1795432094190, BudgetActuals1795433292826, BudgetDocuments1795435238940, AppRole1796215963848, SignInUnlocks1796216010732, Threads1796226302026, BudgetCommentsToThreads1796226318720];
