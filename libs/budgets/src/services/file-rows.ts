import { checkCsvShape as checkShape, checkXlsx as checkZip, FileLimitError, readRows as read, ImportFormat, RawRow } from '@ashar/imports';
import { BUDGET_IMPORT_MESSAGES } from '../domain/import-rows';
import { BUDGET_IMPORT_LIMITS } from './budget-import.pipeline';

/**
 * Budgets' file reading is the shared pipeline's reader (`@ashar/imports`) with budgets' limits and
 * message keys; these names stay for the bench, scripts and tests that read files the way an import does.
 */
export { FileLimitError };
export const MAX_IMPORT_ROWS = BUDGET_IMPORT_LIMITS.maxRows;
export const MAX_IMPORT_COLUMNS = BUDGET_IMPORT_LIMITS.maxColumns;
export const MAX_IMPORT_CELLS = BUDGET_IMPORT_LIMITS.maxCells;
export const XLSX_LIMITS = BUDGET_IMPORT_LIMITS.zip;

const opts = { limits: BUDGET_IMPORT_LIMITS, messagePrefix: BUDGET_IMPORT_MESSAGES };

export function readRows(format: ImportFormat, content: Buffer): Promise<RawRow[]> {
  return read(format, content, opts);
}

export function checkCsvShape(text: string, sep: string): void {
  checkShape(text, sep, BUDGET_IMPORT_LIMITS, { tooManyRows: `${BUDGET_IMPORT_MESSAGES}.tooManyRows`, tooManyColumns: `${BUDGET_IMPORT_MESSAGES}.tooManyColumns`, tooManyCells: `${BUDGET_IMPORT_MESSAGES}.tooManyCells` });
}

export function checkXlsx(content: Buffer): Promise<void> {
  return checkZip(content, opts);
}
