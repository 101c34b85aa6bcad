import type { RowError } from './row-error';
import type { ZipLimits } from './zip-inspect';

/**
 * What one import may hold, checked before (XLSX: ZIP directory) and while (row by row) the file is
 * read, so that one spreadsheet cannot exhaust the worker's memory. The defaults sit well above real
 * files (a village's yearly ledger is a few thousand rows; the budgets bench uses 100,000; a
 * 2.5-million-row sheet once took the worker to 4.5 GB of heap) and far below that.
 */
export interface ImportLimits {
  /** Bytes of one upload (refused before the body is read when declared, else while reading). */
  maxBytes: number;
  /** Data rows (the header row is not counted). */
  maxRows: number;
  /** Cells per row. */
  maxColumns: number;
  /** Non-empty cells in the whole file. */
  maxCells: number;
  /** Characters of one row (cells joined): a longer one is reported as a broken line. */
  maxLineChars: number;
  /** XLSX: the ZIP directory. */
  zip: ZipLimits;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 30 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 100,
  maxCells: 4_000_000,
  maxLineChars: 64 * 1024,
  // A 100,000-row ledger written by exceljs is a 29 MB sheet plus 8 MB of shared strings, each
  // compressed about 9-16 times; a zip bomb compresses hundreds of times.
  zip: { maxEntries: 1000, maxTotalBytes: 150 * 1024 * 1024, maxSheetBytes: 100 * 1024 * 1024, maxRatio: 100, ratioFloorBytes: 1024 * 1024 },
};

/**
 * The message keys of the pipeline's own errors, under a context's prefix: `errors.imports` (the
 * platform's, translated in every catalogue) or a context's own (budgets keeps `errors.budgets.import`,
 * the keys its clients already know). Every key below must exist under the prefix used.
 */
export const PIPELINE_MESSAGES = ['empty', 'tooLarge', 'unreadable', 'tooManyRows', 'tooManyColumns', 'tooManyCells', 'xlsxTooLarge', 'xlsxSuspicious', 'lineTooLong', 'failed', 'retry', 'encoding'] as const;
export type PipelineMessage = (typeof PIPELINE_MESSAGES)[number];
export const DEFAULT_MESSAGE_PREFIX = 'errors.imports';

export const messageKey = (prefix: string, m: PipelineMessage): string => `${prefix}.${m}`;

/** A file refused by a limit: becomes the import's one row-level error. */
export class FileLimitError extends Error {
  constructor(readonly rowError: RowError) {
    super(rowError.messageKey);
    this.name = 'FileLimitError';
  }
}

export const refuse = (key: string, limit: number, line = 1): FileLimitError => new FileLimitError({ line, column: null, messageKey: key, value: String(limit), params: { max: limit } });
