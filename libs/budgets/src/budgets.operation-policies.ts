import { communityRoles, OperationPolicy } from '@ashar/auth';
import { BUDGETS_PERMISSIONS as P } from './budgets.permissions';

const internal = communityRoles(P['budget.viewInternal']);

/**
 * Who may call each budgets operation, read from the services' permission checks (budget.service,
 * execution, monitoring, import, export, document services, the files controller). The hardening
 * suite fails when an operation of the schema or router has no entry here or answers otherwise.
 */
export const BUDGETS_OPERATION_POLICIES: readonly OperationPolicy[] = [
  // ---- queries
  { operation: 'Query.budget', allow: 'public' },
  { operation: 'Query.budgetFor', allow: 'public' },
  { operation: 'Query.budgetsOfCommunity', allow: 'public' },
  { operation: 'Query.budgetBySlug', allow: 'public' },
  { operation: 'Query.budgetClassifications', allow: 'public' },
  {
    operation: 'Query.budgetVersion',
    allow: internal,
    permission: 'budget.viewInternal',
    publicPart: 'published and approved versions are public; other versions answer NOT_FOUND to everybody else',
  },
  {
    operation: 'Query.compareBudgetVersions',
    allow: internal,
    permission: 'budget.viewInternal',
    publicPart: 'two public versions compare for anybody',
  },
  { operation: 'Query.budgetImport', allow: internal, permission: 'budget.viewInternal' },
  {
    operation: 'Query.previewBudgetImport',
    allow: communityRoles(P['budget.edit']),
    permission: 'budget.edit',
    note: 'the same check as startBudgetImport (kind LEDGER: budget.recordExecution, same roles today); writes nothing',
  },
  {
    operation: 'Query.previewBudgetImportUpload',
    allow: communityRoles(P['budget.edit']),
    permission: 'budget.edit',
    note: 'the upload kind BUDGET checks budget.edit, LEDGER budget.recordExecution (same roles today); an unknown or expired upload is NOT_FOUND; writes nothing',
  },
  { operation: 'Query.budgetExport', allow: communityRoles(P['budget.export']), permission: 'budget.export' },
  // ---- fields with a check of their own (the other Budget fields filter instead of refusing)
  { operation: 'Budget.flags', allow: internal, permission: 'budget.viewInternal' },
  { operation: 'Budget.transactions', allow: internal, permission: 'budget.viewInternal' },
  // ---- mutations
  { operation: 'Mutation.createBudget', allow: communityRoles(P['budget.edit']), permission: 'budget.edit' },
  { operation: 'Mutation.setBudgetPopulation', allow: communityRoles(P['budget.edit']), permission: 'budget.edit' },
  { operation: 'Mutation.saveBudgetLines', allow: communityRoles(P['budget.edit']), permission: 'budget.edit' },
  { operation: 'Mutation.submitBudgetVersion', allow: communityRoles(P['budget.edit']), permission: 'budget.edit' },
  { operation: 'Mutation.withdrawBudgetVersion', allow: communityRoles(P['budget.edit']), permission: 'budget.edit' },
  {
    operation: 'Mutation.publishBudgetVersion',
    allow: communityRoles(P['budget.publish']),
    permission: 'budget.publish',
    note: 'also FORBIDDEN (budget.publish.secondPerson) for the member who submitted the version',
  },
  {
    operation: 'Mutation.approveBudgetVersion',
    allow: communityRoles(P['budget.approve']),
    permission: 'budget.approve',
    note: 'also FORBIDDEN (budget.approve.secondPerson) for the person who submitted the version',
  },
  { operation: 'Mutation.amendBudget', allow: communityRoles(P['budget.edit']), permission: 'budget.edit' },
  {
    operation: 'Mutation.addBudgetComment',
    allow: 'authenticated',
    publicPart: 'any signed-in account comments on a public version in its comment period; drafts answer NOT_FOUND',
  },
  {
    operation: 'Mutation.hideComment',
    allow: communityRoles(P['budget.moderate']),
    permission: 'budget.moderate',
    note: "threads' moderation as budgets answers it (fixture: a hearing comment); a reply under an open monitoring note is NOT_FOUND to whoever cannot read the note",
  },
  { operation: 'Mutation.unhideComment', allow: communityRoles(P['budget.moderate']), permission: 'budget.moderate' },
  { operation: 'Mutation.recordBudgetTransaction', allow: communityRoles(P['budget.recordExecution']), permission: 'budget.recordExecution' },
  { operation: 'Mutation.attachBudgetDocument', allow: communityRoles(P['budget.recordExecution']), permission: 'budget.recordExecution' },
  { operation: 'Mutation.createMonitoringNote', allow: communityRoles(P['budget.monitor']), permission: 'budget.monitor' },
  {
    operation: 'Mutation.replyToMonitoringNote',
    allow: communityRoles(P['budget.monitor']),
    permission: 'budget.monitor',
    note: 'community admins read notes (budget.viewInternal) but cannot reply: budget.monitor is the budget group only',
  },
  { operation: 'Mutation.setMonitoringNoteStatus', allow: communityRoles(P['budget.monitor']), permission: 'budget.monitor' },
  {
    operation: 'Mutation.startBudgetImport',
    allow: communityRoles(P['budget.edit']),
    permission: 'budget.edit',
    note: 'kind BUDGET checks budget.edit, kinds LEDGER and TREASURY budget.recordExecution (same roles today); asOf only with TREASURY',
  },
  {
    operation: 'Mutation.confirmBudgetImportUpload',
    allow: communityRoles(P['budget.edit']),
    permission: 'budget.edit',
    note: 'as startBudgetImport, on a stored upload of that budget (any member who may import it, not only who uploaded it); saving the mapping checks budget.edit',
  },
  { operation: 'Mutation.saveBudgetImportMapping', allow: communityRoles(P['budget.edit']), permission: 'budget.edit' },
  { operation: 'Mutation.requestBudgetExport', allow: communityRoles(P['budget.export']), permission: 'budget.export' },
  { operation: 'Mutation.upsertBudgetClassification', allow: { scope: 'platform' } },
  // ---- plain HTTP (BudgetFilesController)
  { operation: 'POST /api/budget-transactions/:transactionId/documents', allow: communityRoles(P['budget.recordExecution']), permission: 'budget.recordExecution' },
  { operation: 'GET /api/budget-documents/:id', allow: internal, permission: 'budget.viewInternal' },
  {
    operation: 'POST /api/budgets/:budgetId/imports',
    allow: communityRoles(P['budget.edit']),
    permission: 'budget.edit',
    note: 'kind=LEDGER and kind=TREASURY check budget.recordExecution instead (same roles today); asOf only with TREASURY',
  },
  { operation: 'GET /api/budgets/imports/:id/errors.csv', allow: internal, permission: 'budget.viewInternal' },
  { operation: 'GET /api/budgets/exports/:id/download', allow: communityRoles(P['budget.export']), permission: 'budget.export' },
  { operation: 'GET /api/public/budgets/:budgetId/versions/:n/budget.csv', allow: 'public' },
  { operation: 'GET /api/public/budgets/:budgetId/versions/:n/budget.xlsx', allow: 'public' },
  { operation: 'GET /api/public/budgets/:budgetId/versions/:n/budget.json', allow: 'public' },
  { operation: 'GET /api/public/budgets/:budgetId/versions/:n/budget-excel.csv', allow: 'public' },
  { operation: 'GET /api/public/budgets/:budgetId/versions/:n/fdp/datapackage.json', allow: 'public' },
  { operation: 'GET /api/public/budgets/:budgetId/versions/:n/fdp/budget.csv', allow: 'public' },
];
