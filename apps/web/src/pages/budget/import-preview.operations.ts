import type {
  ConfirmImportUploadMutation,
  ConfirmImportUploadMutationVariables,
  PreviewImportUploadQuery,
  PreviewImportUploadQueryVariables,
} from '../../api/generated/graphql';
import type { Operation } from '../../api/operation';

/**
 * The import preview of a file uploaded once (`POST …/imports?stage=1`, import-upload.ts): previewed
 * again with the columns, side and unit the person chose, then imported from the stored upload.
 */
const PREVIEW_FIELDS = `uploadId fileName asOf asOfSource encoding separator headerLine unit unitSource sideFrom mappingSource lineCount revenueTotal expenditureTotal
    columns { field header }
    fileColumns { index header field sample }
    fields { field required }
    side { from revenue expenditure }
    rows { line direction kind date economicCode label amount }
    skipped { line reasonKey }
    errors { line column messageKey value }
    errorCount
    warnings { messageKey params { name value } }`;

export const PREVIEW_IMPORT_UPLOAD = `query PreviewImportUpload($input: BudgetImportUploadInput!) {
  previewBudgetImportUpload(input: $input) {
    ${PREVIEW_FIELDS}
  }
}` as Operation<PreviewImportUploadQuery, PreviewImportUploadQueryVariables>;
export type UploadPreview = PreviewImportUploadQuery['previewBudgetImportUpload'];

export const CONFIRM_IMPORT_UPLOAD = `mutation ConfirmImportUpload($input: ConfirmBudgetImportUploadInput!) {
  confirmBudgetImportUpload(input: $input) { id status progress importedRows errors { line column messageKey value } }
}` as Operation<ConfirmImportUploadMutation, ConfirmImportUploadMutationVariables>;
