import { CellError, DEFAULT_IMPORT_LIMITS, excerpt, foldHeader, RawRow, RowError, RowOutcome, RowSchema, ValidationResult as PipelineResult, validateRows } from '@ashar/imports/pure';
import { LOCALES, translate } from '@ashar/i18n';
import { MAX_MONEY_MINOR, parseMajorAmount } from '@ashar/kernel';
import { Direction, TransactionKind } from './types';

/**
 * Budgets' row schemas for the shared import pipeline (`@ashar/imports`): a spending ledger and the
 * lines of a draft budget. Pure: the pipeline reads the file, calls these per row, and writes.
 */
export type { RawRow, RowError };

/** Budgets' import messages (the pipeline's own keys live under this prefix too). */
export const BUDGET_IMPORT_MESSAGES = 'errors.budgets.import';
export const MAX_LINE_CHARS = DEFAULT_IMPORT_LIMITS.maxLineChars;
export const MAX_CELL_CHARS = 2000;
/** 10^13 som: far above any local budget; keeps sums safely inside bigint and numeric(20). */
export const MAX_AMOUNT_MINOR = MAX_MONEY_MINOR;

export const LEDGER_FIELDS = ['kind', 'date', 'economic_code', 'functional_code', 'amount', 'counterparty', 'purpose', 'document_number'] as const;
export const BUDGET_FIELDS = ['direction', 'economic_code', 'functional_code', 'name_ky', 'name_ru', 'name_en', 'name_kk', 'amount'] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];
export type BudgetField = (typeof BUDGET_FIELDS)[number];
export type ImportKind = 'LEDGER' | 'BUDGET';

/** Our field → the header in the community's files. Unmapped fields are looked up by their own name. */
export type ColumnMapping = Partial<Record<string, string>>;

const REQUIRED: Record<ImportKind, readonly string[]> = {
  LEDGER: ['date', 'economic_code', 'amount'],
  BUDGET: ['direction', 'economic_code', 'amount'],
};

/** Resolves header positions; missing required columns are errors on line 1. */
export function resolveColumns(kind: ImportKind, header: string[], mapping: ColumnMapping = {}): { index: Map<string, number>; errors: RowError[] } {
  const fields = kind === 'LEDGER' ? LEDGER_FIELDS : BUDGET_FIELDS;
  const folded = header.map(foldHeader);
  const index = new Map<string, number>();
  const errors: RowError[] = [];
  for (const f of fields) {
    // The community's own mapping, else the field's name or its name in any of our languages ("сумма", "күнү").
    const wanted = mapping[f] ? [foldHeader(mapping[f]!)] : headerNames(f);
    const i = folded.findIndex((h) => wanted.includes(h));
    if (i >= 0) index.set(f, i);
    else if (REQUIRED[kind].includes(f)) errors.push({ line: 1, column: mapping[f] ?? f, messageKey: 'errors.budgets.import.missingColumn' });
  }
  return { index, errors };
}

/** A field's header in every language of the catalogue (`budgets.import.column.<field>`), folded. */
function headerNames(field: string): string[] {
  const key = `budgets.import.column.${field}`;
  return [foldHeader(field), ...LOCALES.map((l) => foldHeader(translate(l, key))).filter((h) => h !== foldHeader(key))];
}

/**
 * A cell holding one of our codes (REVENUE, SPENDING…) or its word in any of our languages
 * (`budgets.import.value.<CODE>`: "Киреше", "доходы", "кіріс"), case and spaces ignored.
 */
export function codeOfCell(raw: string, codes: readonly string[]): string | null {
  const v = raw.trim().toLocaleLowerCase();
  if (!v) return null;
  for (const code of codes) {
    if (v === code.toLowerCase()) return code;
    if (LOCALES.some((l) => translate(l, `budgets.import.value.${code}`).toLocaleLowerCase() === v)) return code;
  }
  return null;
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

export type ValidationResult<T> = Pick<PipelineResult<T>, 'records' | 'errors' | 'rows'>;

const VALIDATE = { maxLineChars: MAX_LINE_CHARS, emptyKey: `${BUDGET_IMPORT_MESSAGES}.empty`, lineTooLongKey: `${BUDGET_IMPORT_MESSAGES}.lineTooLong` };

/** A parser's helpers over one header: the cell of a field, the header the file gives it, errors collected per row. */
function bindColumns(kind: ImportKind, header: string[], mapping: ColumnMapping | undefined) {
  const { index, errors } = resolveColumns(kind, header, mapping);
  const name = (f: string) => header[index.get(f)!] ?? f;
  const cell = (r: RawRow, f: string) => (index.has(f) ? (r.cells[index.get(f)!] ?? '') : '');
  const text = (r: RawRow, f: string) => cell(r, f).trim() || null;
  return { errors, name, cell, text };
}

function rowErrors(name: (f: string) => string) {
  const errors: CellError[] = [];
  const fail = (f: string, key: string, v?: string) => errors.push({ column: name(f), messageKey: key, ...(v !== undefined ? { value: excerpt(v) } : {}) });
  return { errors, fail };
}

const outcome = <R>(errors: CellError[], row: () => R): RowOutcome<R> => (errors.length ? { ok: false, errors } : { ok: true, row: row() });

export interface LedgerContext {
  fiscalYear: number;
  lines: ReadonlyArray<LineRef>;
  mapping?: ColumnMapping;
}

/**
 * A spending/receipt ledger against the lines of the budget (by economic code, plus functional code
 * when two lines share an economic code). Every bad cell is reported.
 */
export const LEDGER_ROW_SCHEMA: RowSchema<LedgerRecord, LedgerContext> = {
  bind(header, ctx) {
    const { errors: headerErrors, name, cell, text } = bindColumns('LEDGER', header, ctx.mapping);
    if (headerErrors.length) return { ok: false, errors: headerErrors };
    const byCode = new Map<string, LineRef[]>();
    for (const l of ctx.lines) byCode.set(l.economicCode, [...(byCode.get(l.economicCode) ?? []), l]);
    const from = `${ctx.fiscalYear}-01-01`;
    const to = `${ctx.fiscalYear}-12-31`;
    return {
      ok: true,
      parse: (r) => {
        const { errors, fail } = rowErrors(name);
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
        const rawKind = cell(r, 'kind').trim();
        let kind: TransactionKind | null = line ? (line.direction === 'REVENUE' ? 'RECEIPT' : 'SPENDING') : null;
        if (rawKind) {
          const k = codeOfCell(rawKind, ['SPENDING', 'RECEIPT']) as TransactionKind | null;
          if (!k) fail('kind', 'errors.budgets.import.badKind', rawKind);
          else if (line && k !== kind) fail('kind', 'errors.budgets.import.kindMismatch', rawKind);
          else kind = k;
        }
        return outcome(errors, () => ({ line: r.line, kind: kind!, lineKey: line!.lineKey, date: date!, amount: (amount as { value: bigint }).value, counterparty: text(r, 'counterparty'), purpose: text(r, 'purpose'), documentNumber: text(r, 'document_number') }));
      },
    };
  },
};

/** Validates a whole ledger file (the pipeline does the same through LEDGER_ROW_SCHEMA): all or nothing. */
export function validateLedgerRows(rows: RawRow[], ctx: LedgerContext): ValidationResult<LedgerRecord> {
  return validateRows(rows, LEDGER_ROW_SCHEMA, ctx, VALIDATE);
}

export interface BudgetLineRecord {
  line: number;
  direction: Direction;
  economicCode: string;
  functionalCode: string | null;
  names: { ky: string | null; ru: string | null; en: string | null; kk: string | null };
  amount: bigint;
}

export interface BudgetLinesContext {
  economicCodes: ReadonlySet<string>;
  functionalCodes: ReadonlySet<string>;
  mapping?: ColumnMapping;
}

/** Budget lines (the plan) against the classification codes known for the country; zero amounts allowed. */
export const BUDGET_ROW_SCHEMA: RowSchema<BudgetLineRecord, BudgetLinesContext> = {
  bind(header, ctx) {
    const { errors: headerErrors, name, cell, text } = bindColumns('BUDGET', header, ctx.mapping);
    if (headerErrors.length) return { ok: false, errors: headerErrors };
    return {
      ok: true,
      parse: (r) => {
        const { errors, fail } = rowErrors(name);
        const rawDir = cell(r, 'direction').trim();
        const dir = codeOfCell(rawDir, ['REVENUE', 'EXPENDITURE']);
        if (!dir) fail('direction', 'errors.budgets.import.badDirection', rawDir);
        const code = cell(r, 'economic_code').trim();
        if (!ctx.economicCodes.has(code)) fail('economic_code', 'errors.budgets.import.unknownCode', code);
        const func = cell(r, 'functional_code').trim() || null;
        if (func && !ctx.functionalCodes.has(func)) fail('functional_code', 'errors.budgets.import.unknownCode', func);
        for (const f of ['name_ky', 'name_ru', 'name_en', 'name_kk']) if (cell(r, f).length > 300) fail(f, 'errors.budgets.import.cellTooLong');
        const amount = parseAmountCell(cell(r, 'amount'), true);
        if (!amount.ok) fail('amount', amount.messageKey, cell(r, 'amount'));
        return outcome(errors, () => ({ line: r.line, direction: dir as Direction, economicCode: code, functionalCode: func, names: { ky: text(r, 'name_ky'), ru: text(r, 'name_ru'), en: text(r, 'name_en'), kk: text(r, 'name_kk') }, amount: (amount as { value: bigint }).value }));
      },
    };
  },
};

export function validateBudgetRows(rows: RawRow[], ctx: BudgetLinesContext): ValidationResult<BudgetLineRecord> {
  return validateRows(rows, BUDGET_ROW_SCHEMA, ctx, VALIDATE);
}
