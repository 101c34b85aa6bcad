/**
 * What an import reports about its file: one entry per bad cell (or per bad row when `column` is
 * null), with the file's own line number. `messageKey` is a key of the shared i18n catalogue and
 * `params` its parameters; `value` is a short excerpt of what was found.
 */
export interface RowError {
  line: number;
  /** The header of the offending column, or null when the whole row (or file) is at fault. */
  column: string | null;
  messageKey: string;
  /** A short excerpt of what was found (never the whole 10 MB). */
  value?: string;
  /** Parameters of the message (a limit), for clients that format them. */
  params?: Record<string, string | number>;
}

/** A problem a row schema finds in one row: the pipeline adds the line number. */
export type CellError = Omit<RowError, 'line'>;

/** At most this many errors are kept (and counted beyond): a broken 100,000-row file is not a 100,000-line report. */
export const MAX_REPORTED_ERRORS = 1000;

const EXCERPT_CHARS = 40;

/** A short excerpt of a cell for a report. */
export function excerpt(s: string): string {
  return s.length > EXCERPT_CHARS ? `${s.slice(0, EXCERPT_CHARS)}…` : s;
}

/** Collects errors up to MAX_REPORTED_ERRORS, counting all of them. */
export class ErrorCollector {
  readonly errors: RowError[] = [];
  total = 0;

  constructor(private readonly cap = MAX_REPORTED_ERRORS) {}

  add(e: RowError): void {
    this.total++;
    if (this.errors.length < this.cap) this.errors.push(e);
  }

  get any(): boolean {
    return this.total > 0;
  }
}
