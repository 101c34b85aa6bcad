import { MAX_MONEY_MINOR, parseMajorAmount } from '@ashar/kernel';
import { Direction, TransactionKind } from './types';

/** Raw rows as read from CSV or XLSX: cells as text, with the file's own line numbers. */
export interface RawRow {
  line: number;
  cells: string[];
}

export interface RowError {
  line: number;
  /** The header of the offending column, or null when the whole row is at fault. */
  column: string | null;
  messageKey: string;
  /** A short excerpt of what was found (never the whole 10 MB). */
  value?: string;
  /** Parameters of the message (a limit), for clients that format them. */
  params?: Record<string, string | number>;
}

export const MAX_LINE_CHARS = 64 * 1024;
export const MAX_CELL_CHARS = 2000;
export const MAX_REPORTED_ERRORS = 1000;
/** 10^13 som: far above any local budget; keeps sums safely inside bigint and numeric(20). */
export const MAX_AMOUNT_MINOR = MAX_MONEY_MINOR;

export const LEDGER_FIELDS = ['kind', 'date', 'economic_code', 'functional_code', 'amount', 'counterparty', 'purpose', 'document_number'] as const;
export const BUDGET_FIELDS = ['direction', 'economic_code', 'functional_code', 'name_ky', 'name_ru', 'name_en', 'amount'] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];
export type BudgetField = (typeof BUDGET_FIELDS)[number];
export type ImportKind = 'LEDGER' | 'BUDGET';

/** Our field → the header in the community's files. Unmapped fields are looked up by their own name. */
export type ColumnMapping = Partial<Record<string, string>>;

const REQUIRED: Record<ImportKind, readonly string[]> = {
  LEDGER: ['date', 'economic_code', 'amount'],
  BUDGET: ['direction', 'economic_code', 'amount'],
};

function excerpt(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function fold(h: string): string {
  return h.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Resolves header positions; missing required columns are errors on line 1. */
export function resolveColumns(kind: ImportKind, header: string[], mapping: ColumnMapping = {}): { index: Map<string, number>; errors: RowError[] } {
  const fields = kind === 'LEDGER' ? LEDGER_FIELDS : BUDGET_FIELDS;
  const folded = header.map(fold);
  const index = new Map<string, number>();
  const errors: RowError[] = [];
  for (const f of fields) {
    const wanted = fold(mapping[f] ?? f);
    const i = folded.indexOf(wanted);
    if (i >= 0) index.set(f, i);
    else if (REQUIRED[kind].includes(f)) errors.push({ line: 1, column: mapping[f] ?? f, messageKey: 'errors.budgets.import.missingColumn' });
  }
  return { index, errors };
}

export type AmountResult = { ok: true; value: bigint } | { ok: false; messageKey: string };

/** Text in the amount column, a malformed or non-positive amount, each with its own key. */
export function parseAmountCell(raw: string, allowZero = false): AmountResult {
  const s = raw.trim();
  if (!s) return { ok: false, messageKey: 'errors.budgets.import.amountRequired' };
  if (/[^\d\s.,'\u00a0\u202f-]/.test(s)) return { ok: false, messageKey: 'errors.budgets.import.notANumber' };
  const v = parseMajorAmount(s);
  if (v === null) return { ok: false, messageKey: 'errors.budgets.import.badAmount' };
  if (v < 0n || (v === 0n && !allowZero)) return { ok: false, messageKey: 'errors.budgets.import.amountNotPositive' };
  if (v >= MAX_AMOUNT_MINOR) return { ok: false, messageKey: 'errors.budgets.import.amountTooLarge' };
  return { ok: true, value: v };
}

/** ISO (2025-03-31) or the local habit (31.03.2025); returns ISO or null. */
export function parseDateCell(raw: string): string | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let mt = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
  if (mt) [y, m, d] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  else if ((mt = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s))) [d, m, y] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function rowTooLong(r: RawRow): boolean {
  let n = 0;
  for (const c of r.cells) {
    n += c.length + 1;
    if (n > MAX_LINE_CHARS) return true;
  }
  return false;
}

export interface LineRef {
  lineKey: string;
  direction: Direction;
  economicCode: string;
  functionalCode: string | null;
}

export interface LedgerRecord {
  line: number;
  kind: TransactionKind;
  lineKey: string;
  date: string;
  amount: bigint;
  counterparty: string | null;
  purpose: string | null;
  documentNumber: string | null;
}

export interface ValidationResult<T> {
  records: T[];
  errors: RowError[];
  /** Number of data rows looked at. */
  rows: number;
}

class ErrorSink {
  readonly errors: RowError[] = [];
  total = 0;
  add(e: RowError) {
    this.total++;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(e);
  }
}

/**
 * Validates a spending/receipt ledger against the lines of the budget (by economic code, plus
 * functional code when two lines share an economic code). Every bad cell is reported; the caller
 * imports nothing if any error was found.
 */
export function validateLedgerRows(rows: RawRow[], ctx: { fiscalYear: number; lines: ReadonlyArray<LineRef>; mapping?: ColumnMapping }): ValidationResult<LedgerRecord> {
  const sink = new ErrorSink();
  if (!rows.length) return { records: [], errors: [{ line: 1, column: null, messageKey: 'errors.budgets.import.empty' }], rows: 0 };
  const header = rows[0].cells;
  const { index, errors } = resolveColumns('LEDGER', header, ctx.mapping);
  if (errors.length) return { records: [], errors, rows: rows.length - 1 };
  const name = (f: string) => header[index.get(f)!] ?? f;
  const cell = (r: RawRow, f: string) => (index.has(f) ? (r.cells[index.get(f)!] ?? '') : '');
  const byCode = new Map<string, LineRef[]>();
  for (const l of ctx.lines) byCode.set(l.economicCode, [...(byCode.get(l.economicCode) ?? []), l]);
  const records: LedgerRecord[] = [];
  const from = `${ctx.fiscalYear}-01-01`;
  const to = `${ctx.fiscalYear}-12-31`;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (rowTooLong(r)) {
      sink.add({ line: r.line, column: null, messageKey: 'errors.budgets.import.lineTooLong' });
      continue;
    }
    let bad = false;
    const fail = (f: string, key: string, v?: string) => {
      bad = true;
      sink.add({ line: r.line, column: name(f), messageKey: key, ...(v !== undefined ? { value: excerpt(v) } : {}) });
    };
    for (const f of ['counterparty', 'purpose', 'document_number']) if (cell(r, f).length > MAX_CELL_CHARS) fail(f, 'errors.budgets.import.cellTooLong');
    const date = parseDateCell(cell(r, 'date'));
    if (!date) fail('date', 'errors.budgets.import.badDate', cell(r, 'date'));
    else if (date < from || date > to) fail('date', 'errors.budgets.import.dateOutsideFiscalYear', date);
    const amount = parseAmountCell(cell(r, 'amount'));
    if (!amount.ok) fail('amount', amount.messageKey, cell(r, 'amount'));
    const code = cell(r, 'economic_code').trim();
    const func = cell(r, 'functional_code').trim() || null;
    let candidates = byCode.get(code) ?? [];
    if (func) candidates = candidates.filter((l) => l.functionalCode === func);
    let line: LineRef | undefined;
    if (!candidates.length) fail(func && byCode.has(code) ? 'functional_code' : 'economic_code', 'errors.budgets.import.unknownCode', func && byCode.has(code) ? func : code);
    else if (candidates.length > 1) fail('functional_code', 'errors.budgets.import.ambiguousCode', code);
    else line = candidates[0];
    const rawKind = cell(r, 'kind').trim().toUpperCase();
    let kind: TransactionKind | null = line ? (line.direction === 'REVENUE' ? 'RECEIPT' : 'SPENDING') : null;
    if (rawKind) {
      const k = rawKind === 'SPENDING' || rawKind === 'RECEIPT' ? (rawKind as TransactionKind) : null;
      if (!k) fail('kind', 'errors.budgets.import.badKind', rawKind);
      else if (line && k !== kind) fail('kind', 'errors.budgets.import.kindMismatch', rawKind);
      else kind = k;
    }
    if (bad || !line || !amount.ok || !date || !kind) continue;
    const text = (f: string) => cell(r, f).trim() || null;
    records.push({ line: r.line, kind, lineKey: line.lineKey, date, amount: amount.value, counterparty: text('counterparty'), purpose: text('purpose'), documentNumber: text('document_number') });
  }
  return { records: sink.total ? [] : records, errors: sink.errors, rows: rows.length - 1 };
}

export interface BudgetLineRecord {
  line: number;
  direction: Direction;
  economicCode: string;
  functionalCode: string | null;
  names: { ky: string | null; ru: string | null; en: string | null };
  amount: bigint;
}

/** Validates budget lines (the plan) against the classification codes known for the country. */
export function validateBudgetRows(rows: RawRow[], ctx: { economicCodes: ReadonlySet<string>; functionalCodes: ReadonlySet<string>; mapping?: ColumnMapping }): ValidationResult<BudgetLineRecord> {
  const sink = new ErrorSink();
  if (!rows.length) return { records: [], errors: [{ line: 1, column: null, messageKey: 'errors.budgets.import.empty' }], rows: 0 };
  const header = rows[0].cells;
  const { index, errors } = resolveColumns('BUDGET', header, ctx.mapping);
  if (errors.length) return { records: [], errors, rows: rows.length - 1 };
  const name = (f: string) => header[index.get(f)!] ?? f;
  const cell = (r: RawRow, f: string) => (index.has(f) ? (r.cells[index.get(f)!] ?? '') : '');
  const records: BudgetLineRecord[] = [];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (rowTooLong(r)) {
      sink.add({ line: r.line, column: null, messageKey: 'errors.budgets.import.lineTooLong' });
      continue;
    }
    let bad = false;
    const fail = (f: string, key: string, v?: string) => {
      bad = true;
      sink.add({ line: r.line, column: name(f), messageKey: key, ...(v !== undefined ? { value: excerpt(v) } : {}) });
    };
    const dir = cell(r, 'direction').trim().toUpperCase();
    if (dir !== 'REVENUE' && dir !== 'EXPENDITURE') fail('direction', 'errors.budgets.import.badDirection', dir);
    const code = cell(r, 'economic_code').trim();
    if (!ctx.economicCodes.has(code)) fail('economic_code', 'errors.budgets.import.unknownCode', code);
    const func = cell(r, 'functional_code').trim() || null;
    if (func && !ctx.functionalCodes.has(func)) fail('functional_code', 'errors.budgets.import.unknownCode', func);
    for (const f of ['name_ky', 'name_ru', 'name_en']) if (cell(r, f).length > 300) fail(f, 'errors.budgets.import.cellTooLong');
    const amount = parseAmountCell(cell(r, 'amount'), true);
    if (!amount.ok) fail('amount', amount.messageKey, cell(r, 'amount'));
    if (bad || !amount.ok) continue;
    const text = (f: string) => cell(r, f).trim() || null;
    records.push({ line: r.line, direction: dir as Direction, economicCode: code, functionalCode: func, names: { ky: text('name_ky'), ru: text('name_ru'), en: text('name_en') }, amount: amount.value });
  }
  return { records: sink.total ? [] : records, errors: sink.errors, rows: rows.length - 1 };
}
