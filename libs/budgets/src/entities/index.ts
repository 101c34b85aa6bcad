import { BudgetActualMonthly } from './budget-actual-monthly.entity';
import { BudgetClassification } from './budget-classification.entity';
import { BudgetDocument } from './budget-document.entity';
import { BudgetExport } from './budget-export.entity';
import { BudgetImport } from './budget-import.entity';
import { BudgetImportUpload } from './budget-import-upload.entity';
import { BudgetLine } from './budget-line.entity';
import { BudgetTransaction } from './budget-transaction.entity';
import { BudgetVersionEdit } from './budget-version-edit.entity';
import { BudgetVersion } from './budget-version.entity';
import { Budget } from './budget.entity';
import { ImportMapping } from './import-mapping.entity';
import { MonitoringNote } from './monitoring-note.entity';
import { BudgetTreasuryLine, BudgetTreasurySnapshot } from './budget-treasury-snapshot.entity';

export * from './budget-actual-monthly.entity';
export * from './budget-classification.entity';
export * from './budget-document.entity';
export * from './budget-export.entity';
export * from './budget-import.entity';
export * from './budget-import-upload.entity';
export * from './budget-line.entity';
export * from './budget-transaction.entity';
export * from './budget-version-edit.entity';
export * from './budget-version.entity';
export * from './budget.entity';
export * from './import-mapping.entity';
export * from './monitoring-note.entity';
export * from './budget-treasury-snapshot.entity';

export const BUDGETS_ENTITIES = [
  BudgetDocument,
  BudgetClassification,
  Budget,
  BudgetVersion,
  BudgetLine,
  BudgetVersionEdit,
  BudgetImport,
  BudgetImportUpload,
  BudgetTransaction,
  BudgetActualMonthly,
  ImportMapping,
  BudgetExport,
  MonitoringNote,
  BudgetTreasurySnapshot,
  BudgetTreasuryLine,
];
