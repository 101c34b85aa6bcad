import { Budgets1795432094190 } from './1795432094190-budgets.migration';
import { BudgetActuals1795433292826 } from './1795433292826-budget-actuals.migration';
import { BudgetDocuments1795435238940 } from './1795435238940-budget-documents.migration';
import { BudgetCommentsToThreads1796226318720 } from './1796226318720-budget-comments-to-threads.migration';
import { BudgetImportLocale1796226587204 } from './1796226587204-budget-import-locale.migration';
import { ClientRequestIds1796300000000 } from './1796300000000-client-request-ids.migration';
import { BudgetDocumentMetadata1796330200000 } from './1796330200000-budget-document-metadata.migration';
import { BudgetExportExcelCsv1796400000000 } from './1796400000000-budget-export-excel-csv.migration';
import { BudgetImportUnitReport1796400000100 } from './1796400000100-budget-import-unit-report.migration';
import { BudgetImportUploadsSide1796400000200 } from './1796400000200-budget-import-uploads-side.migration';
import { BudgetRealModel1796500000300 } from './1796500000300-budget-real-model.migration';
import { BudgetImportMappingUnit1796700000000 } from './1796700000000-budget-import-mapping-unit.migration';
import { BudgetTreasurySnapshots1796920000000 } from './1796920000000-budget-treasury-snapshots.migration';

/**
 * Budgets' schema history (tables, triggers), and the move of its comments and replies onto threads'
 * tables (budgets' data; threads knows no context). The manifest list orders every context's by timestamp.
 */
export const BUDGETS_MIGRATIONS = [Budgets1795432094190, BudgetActuals1795433292826, BudgetDocuments1795435238940, BudgetCommentsToThreads1796226318720, BudgetImportLocale1796226587204, ClientRequestIds1796300000000, BudgetDocumentMetadata1796330200000, BudgetExportExcelCsv1796400000000, BudgetImportUnitReport1796400000100, BudgetImportUploadsSide1796400000200, BudgetRealModel1796500000300, BudgetImportMappingUnit1796700000000, BudgetTreasurySnapshots1796920000000];
