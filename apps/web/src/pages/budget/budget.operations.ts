/** GraphQL operations of the budget pages (validated against apps/api/schema.gql by budget-operations.spec.ts). */
import type {
  AddCommentMutation,
  AddCommentMutationVariables,
  AmendMutation,
  AmendMutationVariables,
  ApproveMutation,
  ApproveMutationVariables,
  ClassificationsQuery,
  ClassificationsQueryVariables,
  CommunityBudgetsQuery,
  CommunityBudgetsQueryVariables,
  CommunityBudgetLinksQuery,
  CommunityBudgetLinksQueryVariables,
  CompareVersionsQuery,
  CompareVersionsQueryVariables,
  CreateBudgetMutation,
  CreateBudgetMutationVariables,
  CreateNoteMutation,
  CreateNoteMutationVariables,
  EditorBudgetQuery,
  EditorBudgetQueryVariables,
  ExecutionQuery,
  ExecutionQueryVariables,
  ImportStatusQuery,
  ImportStatusQueryVariables,
  PreviewImportQuery,
  PreviewImportQueryVariables,
  MonitoringNotesQuery,
  MonitoringNotesQueryVariables,
  PublicBudgetQuery,
  PublishMutation,
  PublishMutationVariables,
  RecordTransactionMutation,
  RecordTransactionMutationVariables,
  ReplyToNoteMutation,
  ReplyToNoteMutationVariables,
  SaveLinesMutation,
  SaveLinesMutationVariables,
  SetNoteStatusMutation,
  SetNoteStatusMutationVariables,
  SubmitMutation,
  SubmitMutationVariables,
  VersionCommentsQuery,
  VersionCommentsQueryVariables,
} from '../../api/generated/graphql';
import type { Operation } from '../../api/operation';
import { NOTE_FIELDS, VERSION_FIELDS } from './public-budget.operations';

export type { BudgetDirection as Direction, BudgetVersionStatus as VersionStatus, MonitoringNoteStatus as NoteStatus } from '../../api/generated/graphql';

// Shapes the budget components pass around, taken from the generated result types of the operations below.
export type EditorBudget = EditorBudgetQuery['budget'];
export type PublicBudget = PublicBudgetQuery['budget'];
export type Version = NonNullable<EditorBudget['openVersion']>;
export type Totals = Version['totals'];
export type Line = Version['lines'][number];
export type MonitoringNote = PublicBudget['monitoringNotes'][number];
export type ExecutionData = ExecutionQuery;
export type MonthlyLine = NonNullable<ExecutionData['budget']['publicVersion']>['lines'][number];
export type NotesData = MonitoringNotesQuery;
export type ImportState = ImportStatusQuery['budgetImport'];

// The version and note selections are shared with the public page's queries (public-budget.operations.ts).
const VERSION = VERSION_FIELDS;
const NOTE = NOTE_FIELDS;

export const COMPARE_VERSIONS = `query CompareVersions($from: ID!, $to: ID!) {
  compareBudgetVersions(fromId: $from, toId: $to) {
    changes { kind lineKey direction economicCode names { ky ru en kk } before after delta }
  }
}` as Operation<CompareVersionsQuery, CompareVersionsQueryVariables>;

export const EDITOR_BUDGET = `query EditorBudget($id: ID!) {
  budget(id: $id) {
    id communityId fiscalYear currency title { ky ru en kk } viewerCanEdit viewerCanViewInternal viewerCanPublish viewerCanApprove
    openVersion { ${VERSION} }
    publicVersion { ${VERSION} }
  }
}` as Operation<EditorBudgetQuery, EditorBudgetQueryVariables>;

export const CLASSIFICATIONS = `query Classifications($country: String!) {
  budgetClassifications(country: $country) { code parentCode scheme direction names { ky ru en kk } }
}` as Operation<ClassificationsQuery, ClassificationsQueryVariables>;

export const CREATE_BUDGET = `mutation CreateBudget($input: CreateBudgetInput!) { createBudget(input: $input) { id } }` as Operation<CreateBudgetMutation, CreateBudgetMutationVariables>;
export const SAVE_LINES = `mutation SaveLines($input: SaveBudgetLinesInput!) { saveBudgetLines(input: $input) { id revision } }` as Operation<SaveLinesMutation, SaveLinesMutationVariables>;
export const SUBMIT_VERSION = `mutation Submit($input: VersionStepInput!) { submitBudgetVersion(input: $input) { id revision status } }` as Operation<SubmitMutation, SubmitMutationVariables>;
export const PUBLISH_VERSION = `mutation Publish($input: PublishVersionInput!) { publishBudgetVersion(input: $input) { id revision status } }` as Operation<PublishMutation, PublishMutationVariables>;
export const APPROVE_VERSION = `mutation Approve($input: ApproveVersionInput!) { approveBudgetVersion(input: $input) { id revision status } }` as Operation<ApproveMutation, ApproveMutationVariables>;
export const AMEND_BUDGET = `mutation Amend($input: AmendBudgetInput!) { amendBudget(input: $input) { id } }` as Operation<AmendMutation, AmendMutationVariables>;

export const COMMUNITY_BUDGETS = `query CommunityBudgets($id: ID!) {
  budgetsOfCommunity(communityId: $id) { id fiscalYear title { ky ru en kk } publicVersion { id status } viewerCanEdit }
  community(id: $id) { id unit { id country } }
}` as Operation<CommunityBudgetsQuery, CommunityBudgetsQueryVariables>;

/** Way-finding: a community's budgets as links (published ones for everybody; the budget group also sees drafts). */
export const COMMUNITY_BUDGET_LINKS = `query CommunityBudgetLinks($id: ID!) {
  budgetsOfCommunity(communityId: $id) { id fiscalYear title { ky ru en kk } publicPath publicVersion { id status } openVersion { id status } }
}` as Operation<CommunityBudgetLinksQuery, CommunityBudgetLinksQueryVariables>;
export type BudgetLink = CommunityBudgetLinksQuery['budgetsOfCommunity'][number];

export const EXECUTION = `query Execution($id: ID!) {
  budget(id: $id) {
    id
    publicVersion { id lines { lineKey amount actual percent monthly } }
    flags { kind lineKey transactionId amount }
    transactions(limit: 20) { id lineKey kind occurredOn amount counterparty purpose documentNumber attachments { name } }
  }
}` as Operation<ExecutionQuery, ExecutionQueryVariables>;

export const RECORD_TRANSACTION = `mutation RecordTransaction($input: RecordTransactionInput!) { recordBudgetTransaction(input: $input) { id } }` as Operation<RecordTransactionMutation, RecordTransactionMutationVariables>;

export const VERSION_COMMENTS = `query VersionComments($id: ID!) { budgetVersion(id: $id) { id status commentsUntil comments { id body createdAt hidden hiddenReason } } }` as Operation<VersionCommentsQuery, VersionCommentsQueryVariables>;
export const ADD_COMMENT = `mutation AddComment($input: AddBudgetCommentInput!) { addBudgetComment(input: $input) { id } }` as Operation<AddCommentMutation, AddCommentMutationVariables>;

export const PREVIEW_IMPORT = `query PreviewImport($input: StartBudgetImportInput!) {
  previewBudgetImport(input: $input) {
    encoding separator headerLine unit unitSource lineCount revenueTotal expenditureTotal
    columns { field header }
    rows { line direction kind date economicCode label amount }
    skipped { line reasonKey }
    errors { line column messageKey value }
    errorCount
    warnings { messageKey params { name value } }
  }
}` as Operation<PreviewImportQuery, PreviewImportQueryVariables>;
export type ImportPreview = PreviewImportQuery['previewBudgetImport'];

export const IMPORT_STATUS = `query ImportStatus($id: ID!) { budgetImport(id: $id) { id status progress importedRows errors { line column messageKey value } } }` as Operation<ImportStatusQuery, ImportStatusQueryVariables>;

export const MONITORING_NOTES = `query MonitoringNotes($id: ID!) {
  budget(id: $id) {
    id
    monitoringNotes { ${NOTE} }
    transactions(limit: 50) { id lineKey occurredOn amount counterparty documentNumber }
  }
}` as Operation<MonitoringNotesQuery, MonitoringNotesQueryVariables>;

export const CREATE_NOTE = `mutation CreateNote($input: CreateMonitoringNoteInput!) { createMonitoringNote(input: $input) { id status } }` as Operation<CreateNoteMutation, CreateNoteMutationVariables>;
export const REPLY_TO_NOTE = `mutation ReplyToNote($noteId: ID!, $body: String!) { replyToMonitoringNote(noteId: $noteId, body: $body) { id } }` as Operation<ReplyToNoteMutation, ReplyToNoteMutationVariables>;
export const SET_NOTE_STATUS = `mutation SetNoteStatus($noteId: ID!, $status: MonitoringNoteStatus!) { setMonitoringNoteStatus(noteId: $noteId, status: $status) { id status resolvedAt } }` as Operation<SetNoteStatusMutation, SetNoteStatusMutationVariables>;
