/**
 * The budget import's door: `POST /api/budgets/{budgetId}/imports?kind=…&fileName=…` with the file's raw
 * bytes (libs/budgets/src/http/budget-files.controller.ts). The API answers 202 `{ id, status }`; the
 * page then follows the job with the `budgetImport` query.
 */
import { UploadError, uploadWithProgress, UploadProgress, XhrFactory } from '../../api/file-upload';
import type { BudgetImportKind, BudgetImportUnit } from '../../api/generated/graphql';
import { graphql } from '../../api/graphql.client';

/**
 * The API's limit (DEFAULT_IMPORT_LIMITS.maxBytes in libs/platform/imports; test/architecture/web-limits.spec.ts
 * keeps the two equal). Checked here too so that nobody on a slow
 * link sends 40 MB to hear "too large"; the server's own refusal names its limit if it ever differs.
 */
export const MAX_IMPORT_MB = 30;

export interface StartedImport {
  id: string;
  status: string;
}

const XLSX = /\.xlsx$/i;
const CSV = /\.csv$/i;

/**
 * What the server can read: CSV (text) or XLSX (a ZIP, "PK"). Decided from the name and the first bytes,
 * so a PDF or a photo renamed to .csv is refused before it is sent. Returns the Content-Type to send.
 */
export async function checkImportFile(file: Blob & { name: string; type?: string }): Promise<{ contentType: string }> {
  if (file.size > MAX_IMPORT_MB * 1024 * 1024) throw new UploadError({ kind: 'tooLarge', maxMb: MAX_IMPORT_MB });
  const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer());
  const zip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (XLSX.test(file.name)) {
    if (!zip) throw new UploadError({ kind: 'wrongType' });
    return { contentType: 'application/octet-stream' };
  }
  const textual = CSV.test(file.name) || file.type === 'text/csv' || file.type === 'text/plain';
  // A NUL byte in the first kilobyte: a binary file (PDF, image, old .xls), not a CSV.
  if (!textual || zip || head.includes(0)) throw new UploadError({ kind: 'wrongType' });
  return { contentType: 'text/csv' };
}

export function importUploadPath(budgetId: string, kind: BudgetImportKind, fileName: string, unit?: BudgetImportUnit | null): string {
  return `/api/budgets/${encodeURIComponent(budgetId)}/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}${unit ? `&unit=${unit}` : ''}`;
}

/** Files up to this size could be previewed through GraphQL (base64); the form now uploads every file once instead (`stageImport`). */
export const PREVIEW_MAX_BYTES = 700 * 1024;

/** The file's bytes as base64 (for the preview query). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Checks the file, sends it with progress, and returns the import the API started (or found: same file twice). */
export async function uploadImport(
  budgetId: string,
  kind: BudgetImportKind,
  file: File,
  options: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal; xhr?: XhrFactory; unit?: BudgetImportUnit | null } = {},
): Promise<StartedImport> {
  const { contentType } = await checkImportFile(file);
  let body: StartedImport | null;
  try {
    body = (await uploadWithProgress(graphql, importUploadPath(budgetId, kind, file.name, options.unit), file, { contentType, ...options })) as StartedImport | null;
  } catch (e) {
    throw serverTooLarge(e) ?? e;
  }
  if (!body?.id) throw new UploadError({ kind: 'refused', status: 200, messageKey: 'errors.INTERNAL_SERVER_ERROR', params: {} });
  return body;
}

/**
 * Sends the file once, with progress, to be stored for its preview (`stage=1`): the API answers the
 * preview with an `uploadId`, which is previewed again with other settings and imported on confirm
 * without sending the file again. Any size up to the upload limit.
 */
export async function stageImport<P extends { uploadId?: string | null }>(
  budgetId: string,
  kind: BudgetImportKind,
  file: File,
  options: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal; xhr?: XhrFactory } = {},
): Promise<P & { uploadId: string }> {
  const { contentType } = await checkImportFile(file);
  let body: P | null;
  try {
    body = (await uploadWithProgress(graphql, `${importUploadPath(budgetId, kind, file.name)}&stage=1`, file, { contentType, ...options })) as P | null;
  } catch (e) {
    throw serverTooLarge(e) ?? e;
  }
  if (!body?.uploadId) throw new UploadError({ kind: 'refused', status: 200, messageKey: 'errors.INTERNAL_SERVER_ERROR', params: {} });
  return body as P & { uploadId: string };
}

/** The server's own size refusal (`…tooLarge` with `params.max` in MB) says the limit the same way ours does. */
export function serverTooLarge(e: unknown): UploadError | null {
  if (!(e instanceof UploadError) || e.failure.kind !== 'refused') return null;
  const max = Number(e.failure.params.max);
  return /\.tooLarge$/.test(e.failure.messageKey) && Number.isFinite(max) && max > 0 ? new UploadError({ kind: 'tooLarge', maxMb: max }) : null;
}
