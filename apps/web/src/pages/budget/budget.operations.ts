/** GraphQL operations of the budget pages (validated against apps/api/schema.gql by budget-operations.spec.ts). */
import type { LocalizedText } from '@ashar/i18n';

export type Direction = 'REVENUE' | 'EXPENDITURE';
export type VersionStatus = 'DRAFT' | 'SUBMITTED' | 'PUBLISHED' | 'APPROVED' | 'SUPERSEDED';

export interface Totals {
  revenue: string;
  expenditure: string;
  balance: string;
  revenueActual: string;
  expenditureActual: string;
  expenditurePercent: number | null;
  revenuePercent: number | null;
  expenditurePerResident: string | null;
  revenuePerResident: string | null;
}

export interface Line {
  lineKey: string;
  direction: Direction;
  economicCode: string;
  functionalCode: string | null;
  names: LocalizedText;
  functionalNames: LocalizedText | null;
  amount: string;
  actual: string;
  percent: number | null;
}

export interface Version {
  id: string;
  number: number;
  status: VersionStatus;
  revision: number;
  reason: string | null;
  commentsUntil: string | null;
  decisionDate: string | null;
  decisionNumber: string | null;
  decisionFileUrl: string | null;
  totals: Totals;
  lines: Line[];
  exportLinks: { csv: string; xlsx: string; json: string; datapackage: string } | null;
}

const TOTALS = `totals { revenue expenditure balance revenueActual expenditureActual expenditurePercent revenuePercent expenditurePerResident revenuePerResident }`;
const VERSION = `id number status revision reason commentsUntil decisionDate decisionNumber decisionFileUrl ${TOTALS}
  lines { lineKey direction economicCode functionalCode names { ky ru en kk } functionalNames { ky ru en kk } amount actual percent }
  exportLinks { csv xlsx json datapackage }`;

export type NoteStatus = 'QUESTION' | 'CONCERN' | 'CONFIRMED_ISSUE' | 'RESOLVED';

export interface MonitoringNote {
  id: string;
  title: string;
  body: string;
  status: NoteStatus;
  lineKey: string | null;
  transactionId: string | null;
  createdAt: string;
  resolvedAt: string | null;
  author: { displayName: string };
  replies: Array<{ id: string; body: string | null; createdAt: string; author: { displayName: string } }>;
}

/** Everything a note exposes; the API gives anonymous visitors resolved notes only, with the same fields. */
const NOTE = `id title body status lineKey transactionId createdAt resolvedAt author { displayName } replies { id body createdAt author { displayName } }`;

export interface PublicBudget {
  id: string;
  communityId: string;
  fiscalYear: number;
  currency: 'KGS' | 'KZT';
  population: number | null;
  title: LocalizedText;
  publicVersion: Version | null;
  versions: Array<{ id: string; number: number; status: VersionStatus }>;
  neighbours: Array<{ budgetId: string; unitNames: LocalizedText; unitCode: string; population: number | null; revenue: string; expenditure: string; expenditurePerResident: string | null; isSelf: boolean }>;
  monitoringNotes: MonitoringNote[];
  viewerCanEdit: boolean;
}

export const PUBLIC_BUDGET = `query PublicBudget($id: ID!) {
  budget(id: $id) {
    id communityId fiscalYear currency population title { ky ru en kk } viewerCanEdit
    publicVersion { ${VERSION} }
    versions { id number status }
    neighbours { budgetId unitNames { ky ru en kk } unitCode population revenue expenditure expenditurePerResident isSelf }
    monitoringNotes { ${NOTE} }
  }
}`;

export const COMPARE_VERSIONS = `query CompareVersions($from: ID!, $to: ID!) {
  compareBudgetVersions(fromId: $from, toId: $to) {
    changes { kind lineKey direction economicCode names { ky ru en kk } before after delta }
  }
}`;

export interface EditorBudget {
  id: string;
  communityId: string;
  fiscalYear: number;
  currency: 'KGS' | 'KZT';
  title: LocalizedText;
  viewerCanEdit: boolean;
  viewerCanViewInternal: boolean;
  viewerCanPublish: boolean;
  viewerCanApprove: boolean;
  openVersion: Version | null;
  publicVersion: Version | null;
}

export const EDITOR_BUDGET = `query EditorBudget($id: ID!) {
  budget(id: $id) {
    id communityId fiscalYear currency title { ky ru en kk } viewerCanEdit viewerCanViewInternal viewerCanPublish viewerCanApprove
    openVersion { ${VERSION} }
    publicVersion { ${VERSION} }
  }
}`;

export const CLASSIFICATIONS = `query Classifications($country: String!) {
  budgetClassifications(country: $country) { code parentCode scheme direction names { ky ru en kk } }
}`;

export const CREATE_BUDGET = `mutation CreateBudget($input: CreateBudgetInput!) { createBudget(input: $input) { id } }`;
export const SAVE_LINES = `mutation SaveLines($input: SaveBudgetLinesInput!) { saveBudgetLines(input: $input) { id revision } }`;
export const SUBMIT_VERSION = `mutation Submit($input: VersionStepInput!) { submitBudgetVersion(input: $input) { id revision status } }`;
export const PUBLISH_VERSION = `mutation Publish($input: PublishVersionInput!) { publishBudgetVersion(input: $input) { id revision status } }`;
export const APPROVE_VERSION = `mutation Approve($input: ApproveVersionInput!) { approveBudgetVersion(input: $input) { id revision status } }`;
export const AMEND_BUDGET = `mutation Amend($input: AmendBudgetInput!) { amendBudget(input: $input) { id } }`;

export const COMMUNITY_BUDGETS = `query CommunityBudgets($id: ID!) {
  budgetsOfCommunity(communityId: $id) { id fiscalYear title { ky ru en kk } publicVersion { id status } viewerCanEdit }
}`;

export interface MonthlyLine {
  lineKey: string;
  amount: string;
  actual: string;
  percent: number | null;
  monthly: string[];
}

export interface ExecutionData {
  budget: {
    id: string;
    publicVersion: { id: string; lines: MonthlyLine[] } | null;
    flags: Array<{ kind: string; lineKey: string | null; transactionId: string | null; amount: string | null }>;
    transactions: Array<{ id: string; lineKey: string; kind: string; occurredOn: string; amount: string; counterparty: string | null; purpose: string | null; documentNumber: string | null; attachments: Array<{ name: string }> }>;
  };
}

export const EXECUTION = `query Execution($id: ID!) {
  budget(id: $id) {
    id
    publicVersion { id lines { lineKey amount actual percent monthly } }
    flags { kind lineKey transactionId amount }
    transactions(limit: 20) { id lineKey kind occurredOn amount counterparty purpose documentNumber attachments { name } }
  }
}`;

export const RECORD_TRANSACTION = `mutation RecordTransaction($input: RecordTransactionInput!) { recordBudgetTransaction(input: $input) { id } }`;

export const VERSION_COMMENTS = `query VersionComments($id: ID!) { budgetVersion(id: $id) { id status commentsUntil comments { id body createdAt hidden hiddenReason } } }`;
export const ADD_COMMENT = `mutation AddComment($input: AddBudgetCommentInput!) { addBudgetComment(input: $input) { id } }`;

export interface ImportState {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  progress: number;
  importedRows: number | null;
  errors: Array<{ line: number; column: string | null; messageKey: string; value: string | null }>;
}

export const START_IMPORT = `mutation StartImport($input: StartBudgetImportInput!) { startBudgetImport(input: $input) { id status progress importedRows errors { line column messageKey value } } }`;
export const IMPORT_STATUS = `query ImportStatus($id: ID!) { budgetImport(id: $id) { id status progress importedRows errors { line column messageKey value } } }`;

export interface NotesData {
  budget: {
    id: string;
    monitoringNotes: MonitoringNote[];
    transactions: Array<{ id: string; lineKey: string; occurredOn: string; amount: string; counterparty: string | null; documentNumber: string | null }>;
  };
}

export const MONITORING_NOTES = `query MonitoringNotes($id: ID!) {
  budget(id: $id) {
    id
    monitoringNotes { ${NOTE} }
    transactions(limit: 50) { id lineKey occurredOn amount counterparty documentNumber }
  }
}`;

export const CREATE_NOTE = `mutation CreateNote($input: CreateMonitoringNoteInput!) { createMonitoringNote(input: $input) { id status } }`;
export const REPLY_TO_NOTE = `mutation ReplyToNote($noteId: ID!, $body: String!) { replyToMonitoringNote(noteId: $noteId, body: $body) { id } }`;
export const SET_NOTE_STATUS = `mutation SetNoteStatus($noteId: ID!, $status: MonitoringNoteStatus!) { setMonitoringNoteStatus(noteId: $noteId, status: $status) { id status resolvedAt } }`;
