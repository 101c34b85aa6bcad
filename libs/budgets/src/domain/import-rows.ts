import { CellError, DEFAULT_IMPORT_LIMITS, excerpt, foldHeader, RawRow, RowError, RowOutcome, RowSchema, ValidationResult as PipelineResult, validateRows } from '@ashar/imports/pure';
import { LOCALES, translate } from '@ashar/i18n';
import { MAX_MONEY_MINOR, parseLocaleNumber, parseMajorAmountChecked } from '@ashar/kernel';
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
/** `amount` is a line's whole amount; `special_funds` (optional) the part of it that is special funds. */
export const BUDGET_FIELDS = ['direction', 'economic_code', 'functional_code', 'name_ky', 'name_ru', 'name_en', 'name_kk', 'amount', 'special_funds'] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];
export type BudgetField = (typeof BUDGET_FIELDS)[number];
/**
 * The treasury's execution report (monthly or quarterly, per classification code): the year's approved
 * plan, the revised plan and the actual since 1 January, as of a date. Plans are optional (some reports
 * give only the actual).
 */
export const TREASURY_FIELDS = ['economic_code', 'functional_code', 'name_ky', 'name_ru', 'name_kk', 'name_en', 'approved_plan', 'revised_plan', 'cumulative_actual'] as const;
export type TreasuryField = (typeof TREASURY_FIELDS)[number];
export type ImportKind = 'LEDGER' | 'BUDGET' | 'TREASURY';
export const IMPORT_KINDS: readonly ImportKind[] = ['LEDGER', 'BUDGET', 'TREASURY'];

/** The fields of a kind of file. */
export function fieldsOf(kind: ImportKind): readonly string[] {
  return kind === 'LEDGER' ? LEDGER_FIELDS : kind === 'BUDGET' ? BUDGET_FIELDS : TREASURY_FIELDS;
}

/**
 * Our field → the header in the community's files. Unmapped fields (and mapped ones whose header this
 * file lacks) are looked up by their own name and synonyms; an empty header means "this field has no
 * column" (the person said so in the preview), so nothing is looked up for it.
 */
export type ColumnMapping = Partial<Record<string, string>>;

/**
 * Where the revenue/expenditure side (ledger: receipt/spending) of each row comes from: a column
 * (`COLUMN`), the economic code (`CODE`), or the whole file is one side (`REVENUE`, `EXPENDITURE`);
 * null: the side column when the file has one, else the code. `revenue` / `expenditure`: the words the
 * file's side column uses for each side (besides ours: "Киреше", "доходы", REVENUE…).
 */
export const SIDE_SOURCES = ['COLUMN', 'CODE', 'REVENUE', 'EXPENDITURE'] as const;
export type SideSource = (typeof SIDE_SOURCES)[number];
export interface SideRule {
  from?: SideSource | null;
  revenue?: string | null;
  expenditure?: string | null;
}

/** The side rule as stored (null when it says nothing), checked: an unknown source is dropped. */
export function cleanSideRule(rule: SideRule | null | undefined): SideRule | null {
  if (!rule) return null;
  const from = rule.from && (SIDE_SOURCES as readonly string[]).includes(rule.from) ? rule.from : null;
  const revenue = rule.revenue?.trim() || null;
  const expenditure = rule.expenditure?.trim() || null;
  return from || revenue || expenditure ? { from, revenue, expenditure } : null;
}

/** A side cell: one of our codes or words, else the file's own word for it from the side rule. */
function sideOfCell(raw: string, codes: readonly [string, string], rule: SideRule | null | undefined): string | null {
  const ours = codeOfCell(raw, codes);
  if (ours) return ours;
  const v = raw.trim().toLocaleLowerCase();
  if (v && rule?.revenue && rule.revenue.trim().toLocaleLowerCase() === v) return codes[0];
  if (v && rule?.expenditure && rule.expenditure.trim().toLocaleLowerCase() === v) return codes[1];
  return null;
}

export const REQUIRED_FIELDS: Record<ImportKind, readonly string[]> = {
  LEDGER: ['date', 'economic_code', 'amount'],
  // The side may come from the classification code instead of a column.
  BUDGET: ['economic_code', 'amount'],
  TREASURY: ['economic_code', 'cumulative_actual'],
};

/**
 * Resolves header positions; missing required columns are errors on line 1. First the mapped headers
 * (the community's or the person's), then, for the fields left, the field's name, its synonyms or its
 * name in any of our languages ("сумма", "күнү"), among the columns not taken. `required`: extra fields
 * this file must have (the side column when the side rule says COLUMN).
 */
export function resolveColumns(kind: ImportKind, header: string[], mapping: ColumnMapping = {}, required: readonly string[] = []): { index: Map<string, number>; errors: RowError[] } {
  const fields = fieldsOf(kind);
  const folded = header.map(normalizeHeader);
  const index = new Map<string, number>();
  const taken = new Set<number>();
  const errors: RowError[] = [];
  const take = (f: string, wanted: readonly string[]) => {
    const i = folded.findIndex((h, j) => !taken.has(j) && h !== '' && wanted.includes(h));
    if (i < 0) return;
    index.set(f, i);
    taken.add(i);
  };
  for (const f of fields) if (mapping[f]) take(f, [normalizeHeader(mapping[f]!)]);
  for (const f of fields) if (!index.has(f) && mapping[f] !== '') take(f, headerNames(f));
  for (const f of fields) if (!index.has(f) && (REQUIRED_FIELDS[kind].includes(f) || required.includes(f))) errors.push({ line: 1, column: mapping[f] || f, messageKey: 'errors.budgets.import.missingColumn' });
  return { index, errors };
}

/**
 * Headers as files spell them, besides our field names and the catalogue's words: what budget tables
 * saved from Excel in Kyrgyz, Russian, Kazakh and English call their columns (compared after
 * normalizeHeader: case, spaces, punctuation and the unit "тыс. сом" do not matter).
 */
export const HEADER_SYNONYMS: Record<string, readonly string[]> = {
  direction: ['direction', 'side', 'type', 'вид', 'тип', 'доходы/расходы', 'доход/расход', 'киреше/чыгаша', 'түрү', 'кіріс/шығыс', 'түрі'],
  kind: ['kind', 'вид записи', 'жазуунун түрү', 'жазба түрі'],
  date: ['date', 'дата', 'күнү', 'күні', 'дата операции', 'дата платежа'],
  economic_code: ['economic_code', 'code', 'economic code', 'код', 'коду', 'код статьи', 'экономический код', 'код экономической классификации', 'код эк', 'код эк кл', 'экономикалык код', 'экономикалык классификациянын коду', 'классификациянын коду', 'экономикалық код', 'экономикалық сыныптама коды', 'сыныптама коды', 'коды', 'код бк', 'кбк'],
  functional_code: ['functional_code', 'functional code', 'function', 'функциональный код', 'код функциональной классификации', 'функция', 'функционалдык код', 'функционалдык классификациянын коду', 'функционалдық код', 'функционалдық топ', 'фкр'],
  name_ky: ['name_ky', 'аталышы', 'аталыш', 'аталышы кыргызча', 'беренеси', 'беренелердин аталышы', 'кирешелердин аталышы', 'чыгашалардын аталышы'],
  name_ru: ['name_ru', 'наименование', 'название', 'наименование статьи', 'наименование статей', 'статья', 'статьи'],
  name_kk: ['name_kk', 'атауы', 'атау', 'баптың атауы'],
  name_en: ['name_en', 'name', 'item', 'description', 'line'],
  amount: ['amount', 'sum', 'total amount', 'plan', 'budget', 'сумма', 'сумма всего', 'план', 'план на год', 'годовой план', 'утверждено', 'утвержденный бюджет', 'бюджет', 'суммасы', 'сумма сом', 'жылдык план', 'бекитилген', 'бекитилген бюджет', 'пландалган', 'сомасы', 'сома', 'жоспар', 'бекітілген'],
  special_funds: ['special_funds', 'special funds', 'special', 'специальные средства', 'спецсредства', 'спец средства', 'в т ч специальные средства', 'из них специальные средства', 'атайын каражаттар', 'атайын каражат', 'анын ичинде атайын каражаттар', 'арнайы қаражаттар', 'арнайы қаражат', 'оның ішінде арнайы қаражаттар'],
  counterparty: ['counterparty', 'получатель', 'плательщик', 'контрагент', 'алуучу', 'төлөөчү', 'алушы', 'төлеуші'],
  purpose: ['purpose', 'назначение', 'назначение платежа', 'максаты', 'төлөмдүн максаты', 'мақсаты', 'төлемнің мақсаты'],
  approved_plan: ['approved_plan', 'approved plan', 'approved', 'original plan', 'утвержденный план', 'утвержденный годовой план', 'утверждено на год', 'утвержденный бюджет', 'план утвержденный', 'бекитилген план', 'бекитилген жылдык план', 'бекітілген жоспар', 'бекітілген жылдық жоспар'],
  revised_plan: ['revised_plan', 'revised plan', 'revised', 'adjusted plan', 'уточненный план', 'уточненный годовой план', 'план с учетом изменений', 'скорректированный план', 'тактоолгон план', 'тактааланган план', 'өзгөртүүлөр менен план', 'нақтыланған жоспар', 'түзетілген жоспар'],
  cumulative_actual: ['cumulative_actual', 'actual', 'executed', 'cumulative actual', 'actual to date', 'исполнено', 'исполнение', 'кассовое исполнение', 'фактически исполнено', 'исполнено с начала года', 'факт с начала года', 'факт', 'фактическое исполнение', 'аткарылды', 'аткарылышы', 'кассалык аткарылышы', 'жыл башынан бери аткарылды', 'иш жүзүндө аткарылды', 'атқарылды', 'атқарылуы', 'кассалық атқарылуы', 'жыл басынан бері атқарылды'],
  document_number: ['document_number', 'document', 'номер документа', 'документ', '№ документа', 'документтин номери', 'құжат нөмірі'],
};

/** The unit words in a header or title: "тыс. сом", "миң сом", "мың теңге", "тыс. тенге", "thousand". */
const THOUSAND_RE = /(?<!\p{L})(тыс(?:\.|яч[а-я]*|(?!\p{L}))\s*(?:сом[а-я]*|тенге|теңге|руб[а-я.]*)?|миң\s*сом[а-я]*|мың\s*(?:теңге|тенге|сом)|thousands?(?:\s+of)?(?:\s+(?:som|soms|tenge|kgs|kzt))?|in\s+'?000s?|kgs\s*'?000|'000)/iu;
const ONE_RE = /(^|[^а-яёөүңәғқұһіa-z])(сом[а-я]*|тенге|теңге|som|tenge|kgs|kzt)([^а-яёөүңәғқұһіa-z]|$)/iu;

/** THOUSAND when a text names thousands of som/tenge, ONE when it names som/tenge, else null. */
export function unitOfText(text: string): ImportUnit | null {
  if (THOUSAND_RE.test(text)) return 'THOUSAND';
  if (ONE_RE.test(text)) return 'ONE';
  return null;
}

/** A header as compared: lower case, the unit and punctuation taken out, spaces and dashes one `_`. */
export function normalizeHeader(h: string): string {
  return foldHeader(
    h
      .toLocaleLowerCase()
      .replace(THOUSAND_RE, ' ')
      .replace(/\((?:сом|тенге|теңге|som|tenge|kgs|kzt)\)/giu, ' ')
      .replace(/[(),.:;*"«»]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\s+(?:сом|тенге|теңге)$/u, ''),
  );
}

const HEADER_NAMES = new Map<string, string[]>();

/** A field's header: its synonyms and its name in every language of the catalogue (`budgets.import.column.<field>`), normalised. */
function headerNames(field: string): string[] {
  let names = HEADER_NAMES.get(field);
  if (!names) {
    const key = `budgets.import.column.${field}`;
    names = [...new Set([field, ...(HEADER_SYNONYMS[field] ?? []), ...LOCALES.map((l) => translate(l, key)).filter((h) => h !== key)].map(normalizeHeader))];
    HEADER_NAMES.set(field, names);
  }
  return names;
}

/** How many cells of a row are headers we know (the header row has at least two, among them a code or an amount). */
function headerScore(kind: ImportKind, cells: string[], mapping: ColumnMapping): number {
  const { index } = resolveColumns(kind, cells, mapping);
  return index.has('economic_code') || index.has('amount') || index.has('cumulative_actual') ? index.size : 0;
}

/** The header row: the first of the first 30 rows with at least two known headers, else the first row. */
function findHeader(kind: ImportKind, rows: readonly RawRow[], mapping: ColumnMapping = {}): number {
  const n = Math.min(rows.length, 30);
  for (let i = 0; i < n; i++) if (headerScore(kind, rows[i].cells, mapping) >= 2) return i;
  return 0;
}

/** Amounts in som (tenge) or in thousands; applied exactly (a thousand is 10^5 minor units). */
export type ImportUnit = 'ONE' | 'THOUSAND';
export const IMPORT_UNITS: readonly ImportUnit[] = ['ONE', 'THOUSAND'];

/**
 * The unit: chosen, else named in the amount's header, in another header, or in a title row above; else the
 * one the community saved with its column mapping (its files' habit); else ONE. What the file itself says
 * comes before the habit, so a file in som from a community that usually writes thousands is read in som.
 */
function unitOf(header: string[], amountIndex: number | undefined, above: readonly RawRow[] | undefined, chosen: ImportUnit | null | undefined, saved?: ImportUnit | null): { unit: ImportUnit; source: UnitSource } {
  if (chosen) return { unit: chosen, source: 'CHOSEN' };
  const fromAmount = amountIndex !== undefined ? unitOfText(header[amountIndex] ?? '') : null;
  if (fromAmount) return { unit: fromAmount, source: 'HEADER' };
  for (const h of header) {
    const u = unitOfText(h);
    if (u === 'THOUSAND') return { unit: u, source: 'HEADER' };
  }
  for (const r of above ?? []) for (const c of r.cells) if (unitOfText(c) === 'THOUSAND') return { unit: 'THOUSAND', source: 'TITLE' };
  if (saved) return { unit: saved, source: 'SAVED' };
  return { unit: 'ONE', source: 'DEFAULT' };
}

/** Words that open a totals or subtotal row, in ky, ru, kk and en. */
const TOTAL_RE = /^(?:итого|всего|бардыгы|бардык|барлыгы|барлығы|жыйынтыгы|жыйынтык|жалпы|total|subtotal|grand total)(?![a-zа-яёөүңәғқұһі])/iu;

export function isTotalsRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c && TOTAL_RE.test(c.trim())) return true;
  return false;
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

/** Text in the amount column, a malformed or non-positive amount, each with its own key; in thousands when `unit` says so (exact: 1,5 thousand = 150000 tyiyn). */
export function parseAmountCell(raw: string, allowZero = false, unit: ImportUnit = 'ONE'): AmountResult {
  const s = raw.trim();
  if (!s) return { ok: false, messageKey: 'errors.budgets.import.amountRequired' };
  if (/[^\d\s.,'\u00a0\u202f\u2009\u2007\u2212-]/.test(s)) return { ok: false, messageKey: 'errors.budgets.import.notANumber' };
  const r = unit === 'THOUSAND' ? parseLocaleNumber(s, { decimals: 5, allowNegative: true }) : parseMajorAmountChecked(s);
  if (!r.ok) return { ok: false, messageKey: 'errors.budgets.import.badAmount' };
  const v = r.value;
  if (v < 0n || (v === 0n && !allowZero)) return { ok: false, messageKey: 'errors.budgets.import.amountNotPositive' };
  if (v >= MAX_AMOUNT_MINOR) return { ok: false, messageKey: 'errors.budgets.import.amountTooLarge' };
  return { ok: true, value: v };
}

/** Excel's day 0 of the 1900 date system (serial 1 = 1900-01-01, with Excel's phantom 29 Feb 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export type DateResult = { ok: true; value: string } | { ok: false; messageKey: 'errors.budgets.import.badDateFormat' | 'errors.budgets.import.impossibleDate' };

/**
 * ISO (2025-03-31), the local habit (31.03.2025, 31/03/2025, 31-03-2025) or an Excel serial date
 * (45747, a date cell read without its format); a date in a known format that does not exist
 * (31.02.2026) is `impossibleDate`, anything else `badDateFormat`.
 */
export function parseDateChecked(raw: string): DateResult {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let mt = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (mt) [y, m, d] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  else if ((mt = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?: .*)?$/.exec(s))) [d, m, y] = [Number(mt[1]), Number(mt[2]), Number(mt[3])];
  else if (/^\d{5}(?:\.0+)?$/.test(s) && Number(s) >= 20000 && Number(s) <= 80000) {
    const dt = new Date(EXCEL_EPOCH_MS + Math.floor(Number(s)) * 86_400_000);
    return { ok: true, value: dt.toISOString().slice(0, 10) };
  } else return { ok: false, messageKey: 'errors.budgets.import.badDateFormat' };
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return { ok: false, messageKey: 'errors.budgets.import.impossibleDate' };
  return { ok: true, value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** parseDateChecked's date, or null. */
export function parseDateCell(raw: string): string | null {
  const r = parseDateChecked(raw);
  return r.ok ? r.value : null;
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

export type ValidationResult<T> = Pick<PipelineResult<T>, 'records' | 'errors' | 'rows' | 'skipped' | 'headerLine' | 'info'>;

const VALIDATE = { maxLineChars: MAX_LINE_CHARS, emptyKey: `${BUDGET_IMPORT_MESSAGES}.empty`, lineTooLongKey: `${BUDGET_IMPORT_MESSAGES}.lineTooLong` };

/** A parser's helpers over one header: the cell of a field, the header the file gives it, errors collected per row. */
function bindColumns(kind: ImportKind, header: string[], mapping: ColumnMapping | undefined, above: readonly RawRow[] | undefined, units: { unit?: ImportUnit | null; savedUnit?: ImportUnit | null }, required: readonly string[] = []) {
  const { index, errors } = resolveColumns(kind, header, mapping, required);
  const name = (f: string) => header[index.get(f)!] ?? f;
  const cell = (r: RawRow, f: string) => (index.has(f) ? (r.cells[index.get(f)!] ?? '') : '');
  const text = (r: RawRow, f: string) => cell(r, f).trim() || null;
  const { unit, source } = unitOf(header, index.get('amount') ?? index.get('cumulative_actual'), above, units.unit, units.savedUnit);
  const info: ImportReadInfo = { columns: Object.fromEntries([...index].map(([f, i]) => [f, header[i] ?? f])), unit, unitSource: source };
  return { errors, name, cell, text, has: (f: string) => index.has(f), unit, info };
}

/** How a schema read the header: which column each field came from, the unit and where it came from. */
export interface ImportReadInfo {
  [k: string]: unknown;
  columns: Record<string, string>;
  unit: ImportUnit;
  unitSource: UnitSource;
}

/** Where the unit came from: chosen for this file, its header, a title row, the community's saved mapping, else som. */
export type UnitSource = 'CHOSEN' | 'HEADER' | 'TITLE' | 'SAVED' | 'DEFAULT';

function rowErrors(name: (f: string) => string) {
  const errors: CellError[] = [];
  const fail = (f: string, key: string, v?: string) => errors.push({ column: name(f), messageKey: key, ...(v !== undefined ? { value: excerpt(v) } : {}), ...(v !== undefined && key === 'errors.budgets.import.impossibleDate' ? { params: { value: excerpt(v) } } : {}) });
  return { errors, fail };
}

const outcome = <R>(errors: CellError[], row: () => R): RowOutcome<R> => (errors.length ? { ok: false, errors } : { ok: true, row: row() });

const EMPTY_ROW: RowOutcome<never> = { ok: 'skip', reasonKey: 'budgets.import.skip.empty', report: false };
const TOTAL_ROW: RowOutcome<never> = { ok: 'skip', reasonKey: 'budgets.import.skip.total' };
const SUBTOTAL_ROW: RowOutcome<never> = { ok: 'skip', reasonKey: 'budgets.import.skip.subtotal' };
const HEADING_ROW: RowOutcome<never> = { ok: 'skip', reasonKey: 'budgets.import.skip.heading' };

function emptyRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c && c.trim()) return false;
  return true;
}

/**
 * Rows that are not data: empty (silently), totals ("Итого", "Бардыгы"... in any cell of a row without
 * a code, or in the code cell), and rows without a code:
 * a subtotal when their amount equals the sum of the data rows above (all of them, or since the last
 * subtotal), a heading when they have no amount. Data rows' amounts are added with `add`.
 */
function nonDataRows(unit: ImportUnit, allowZero: boolean) {
  let all = 0n;
  let section = 0n;
  return {
    check(r: RawRow, code: string, amountRaw: string): RowOutcome<never> | null {
      if (emptyRow(r.cells)) return EMPTY_ROW;
      // A row with a real code is data even when its name starts like a total ("Total Energies").
      if ((!code || TOTAL_RE.test(code)) && isTotalsRow(r.cells)) {
        section = 0n;
        return TOTAL_ROW;
      }
      if (code) return null;
      if (!amountRaw.trim()) return HEADING_ROW;
      const a = parseAmountCell(amountRaw, allowZero, unit);
      if (a.ok && a.value > 0n && (a.value === section || a.value === all)) {
        section = 0n;
        return SUBTOTAL_ROW;
      }
      return null;
    },
    add(v: bigint) {
      all += v;
      section += v;
    },
  };
}

export interface LedgerContext {
  fiscalYear: number;
  lines: ReadonlyArray<LineRef>;
  mapping?: ColumnMapping;
  /** The unit chosen for the file (else read from its header or title, else the saved one, else som). */
  unit?: ImportUnit | null;
  /** The unit saved with the community's column mapping: used when the file names none. */
  savedUnit?: ImportUnit | null;
  /** Where a record's kind comes from and the file's words for it (else its line's side, checked against a kind column). */
  side?: SideRule | null;
}

/**
 * A spending/receipt ledger against the lines of the budget (by economic code, plus functional code
 * when two lines share an economic code). Every bad cell is reported; totals, subtotals and headings
 * are left out and reported.
 */
export const LEDGER_ROW_SCHEMA: RowSchema<LedgerRecord, LedgerContext> = {
  headerIndex: (rows, ctx) => findHeader('LEDGER', rows, ctx.mapping),
  bind(header, ctx, above) {
    const from = ctx.side?.from ?? null;
    const { errors: headerErrors, name, cell, text, unit, info } = bindColumns('LEDGER', header, ctx.mapping, above, ctx, from === 'COLUMN' ? ['kind'] : []);
    if (headerErrors.length) return { ok: false, errors: headerErrors };
    // The whole file one kind, or the kind column ignored (CODE): the line's side decides.
    const fixedKind: TransactionKind | null = from === 'REVENUE' ? 'RECEIPT' : from === 'EXPENDITURE' ? 'SPENDING' : null;
    const byCode = new Map<string, LineRef[]>();
    for (const l of ctx.lines) byCode.set(l.economicCode, [...(byCode.get(l.economicCode) ?? []), l]);
    const firstDay = `${ctx.fiscalYear}-01-01`;
    const lastDay = `${ctx.fiscalYear}-12-31`;
    const skips = nonDataRows(unit, false);
    return {
      ok: true,
      info: { ...info, sideFrom: from ?? 'CODE' },
      parse: (r) => {
        const code = cell(r, 'economic_code').trim();
        const rawAmount = cell(r, 'amount');
        const skip = skips.check(r, code, rawAmount);
        if (skip) return skip;
        const { errors, fail } = rowErrors(name);
        for (const f of ['counterparty', 'purpose', 'document_number']) if (cell(r, f).length > MAX_CELL_CHARS) fail(f, 'errors.budgets.import.cellTooLong');
        const date = parseDateChecked(cell(r, 'date'));
        if (!date.ok) fail('date', date.messageKey, cell(r, 'date'));
        else if (date.value < firstDay || date.value > lastDay) fail('date', 'errors.budgets.import.dateOutsideFiscalYear', date.value);
        const amount = parseAmountCell(rawAmount, false, unit);
        if (!amount.ok) fail('amount', amount.messageKey, rawAmount);
        else skips.add(amount.value);
        const func = cell(r, 'functional_code').trim() || null;
        let candidates = byCode.get(code) ?? [];
        if (func) candidates = candidates.filter((l) => l.functionalCode === func);
        let line: LineRef | undefined;
        if (!candidates.length) fail(func && byCode.has(code) ? 'functional_code' : 'economic_code', 'errors.budgets.import.unknownCode', func && byCode.has(code) ? func : code);
        else if (candidates.length > 1) fail('functional_code', 'errors.budgets.import.ambiguousCode', code);
        else line = candidates[0];
        const rawKind = from === 'CODE' || fixedKind ? '' : cell(r, 'kind').trim();
        let kind: TransactionKind | null = line ? (line.direction === 'REVENUE' ? 'RECEIPT' : 'SPENDING') : null;
        if (fixedKind && line && fixedKind !== kind) fail('economic_code', 'errors.budgets.import.kindMismatch', code);
        if (from === 'COLUMN' && !rawKind) fail('kind', 'errors.budgets.import.badKind', rawKind);
        if (rawKind) {
          const k = sideOfCell(rawKind, ['RECEIPT', 'SPENDING'], ctx.side) as TransactionKind | null;
          if (!k) fail('kind', 'errors.budgets.import.badKind', rawKind);
          else if (line && k !== kind) fail('kind', 'errors.budgets.import.kindMismatch', rawKind);
          else kind = k;
        }
        return outcome(errors, () => ({ line: r.line, kind: kind!, lineKey: line!.lineKey, date: (date as { value: string }).value, amount: (amount as { value: bigint }).value, counterparty: text(r, 'counterparty'), purpose: text(r, 'purpose'), documentNumber: text(r, 'document_number') }));
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
  /** The part of `amount` that is special funds (a special-funds column), else 0. */
  specialFunds: bigint;
}

export interface BudgetLinesContext {
  economicCodes: ReadonlySet<string>;
  functionalCodes: ReadonlySet<string>;
  mapping?: ColumnMapping;
  /** The side of each economic code in the country's classification (when the file has no side column). */
  sides?: ReadonlyMap<string, Direction>;
  unit?: ImportUnit | null;
  /** The unit saved with the community's column mapping: used when the file names none. */
  savedUnit?: ImportUnit | null;
  /** Where the side comes from (a column, the code, one side for the whole file) and the file's words for it. */
  side?: SideRule | null;
}

/**
 * The side of a code when the file has no side column: the classification's, else the Kyrgyz
 * economic classification's first digit (1 revenues; 2 expense, 3 non-financial assets: expenditures).
 */
export function sideOfCode(code: string, sides?: ReadonlyMap<string, Direction>): Direction | null {
  const known = sides?.get(code);
  if (known) return known;
  if (code.startsWith('1')) return 'REVENUE';
  if (code.startsWith('2') || code.startsWith('3')) return 'EXPENDITURE';
  return null;
}

/**
 * Budget lines (the plan) against the classification codes known for the country; zero amounts allowed.
 * The side from its column, else from the code; totals, subtotals and headings left out and reported.
 */
export const BUDGET_ROW_SCHEMA: RowSchema<BudgetLineRecord, BudgetLinesContext> = {
  headerIndex: (rows, ctx) => findHeader('BUDGET', rows, ctx.mapping),
  bind(header, ctx, above) {
    const rule = ctx.side?.from ?? null;
    const { errors: headerErrors, name, cell, text, has, unit, info } = bindColumns('BUDGET', header, ctx.mapping, above, ctx, rule === 'COLUMN' ? ['direction'] : []);
    if (headerErrors.length) return { ok: false, errors: headerErrors };
    const sideFrom: SideSource = rule ?? (has('direction') ? 'COLUMN' : 'CODE');
    const sideColumn = sideFrom === 'COLUMN';
    const fixedSide: Direction | null = sideFrom === 'REVENUE' || sideFrom === 'EXPENDITURE' ? sideFrom : null;
    const skips = nonDataRows(unit, true);
    return {
      ok: true,
      info: { ...info, sideFrom },
      parse: (r) => {
        const code = cell(r, 'economic_code').trim();
        const rawAmount = cell(r, 'amount');
        const skip = skips.check(r, code, rawAmount);
        if (skip) return skip;
        const { errors, fail } = rowErrors(name);
        let dir: string | null;
        if (fixedSide) {
          dir = fixedSide;
          // "The whole file is revenue" never stores a code the classification puts on the other side.
          const known = sideOfCode(code, ctx.sides);
          if (known && known !== fixedSide) fail('economic_code', 'errors.budgets.import.sideMismatch', code);
        } else if (sideColumn) {
          const rawDir = cell(r, 'direction').trim();
          dir = sideOfCell(rawDir, ['REVENUE', 'EXPENDITURE'], ctx.side);
          if (!dir) fail('direction', 'errors.budgets.import.badDirection', rawDir);
        } else {
          dir = sideOfCode(code, ctx.sides);
          if (!dir && ctx.economicCodes.has(code)) fail('economic_code', 'errors.budgets.import.noDirection', code);
        }
        if (!ctx.economicCodes.has(code)) fail('economic_code', 'errors.budgets.import.unknownCode', code);
        const func = cell(r, 'functional_code').trim() || null;
        if (func && !ctx.functionalCodes.has(func)) fail('functional_code', 'errors.budgets.import.unknownCode', func);
        for (const f of ['name_ky', 'name_ru', 'name_en', 'name_kk']) if (cell(r, f).length > 300) fail(f, 'errors.budgets.import.cellTooLong');
        const amount = parseAmountCell(rawAmount, true, unit);
        if (!amount.ok) fail('amount', amount.messageKey, rawAmount);
        else skips.add(amount.value);
        // Special funds: part of the line's amount, in the same unit; empty = none.
        const rawSpecial = has('special_funds') ? cell(r, 'special_funds') : '';
        const special = rawSpecial.trim() ? parseAmountCell(rawSpecial, true, unit) : ({ ok: true, value: 0n } as const);
        if (!special.ok) fail('special_funds', special.messageKey, rawSpecial);
        else if (amount.ok && special.value > amount.value) fail('special_funds', 'errors.budgets.import.specialFundsAboveAmount', rawSpecial);
        return outcome(errors, () => ({ line: r.line, direction: dir as Direction, economicCode: code, functionalCode: func, names: { ky: text(r, 'name_ky'), ru: text(r, 'name_ru'), en: text(r, 'name_en'), kk: text(r, 'name_kk') }, amount: (amount as { value: bigint }).value, specialFunds: (special as { value: bigint }).value }));
      },
    };
  },
};

export function validateBudgetRows(rows: RawRow[], ctx: BudgetLinesContext): ValidationResult<BudgetLineRecord> {
  return validateRows(rows, BUDGET_ROW_SCHEMA, ctx, VALIDATE);
}

export interface TreasuryRecord {
  line: number;
  direction: Direction;
  economicCode: string;
  functionalCode: string | null;
  /** The budget line this code is (latest version, by economic + functional code), else null. */
  lineKey: string | null;
  names: { ky: string | null; ru: string | null; en: string | null; kk: string | null };
  approvedPlan: bigint | null;
  revisedPlan: bigint | null;
  /** The actual since 1 January up to `asOf` (cumulative), minor units. */
  amount: bigint;
  /** The date the report is as of (the same for every row of a file). */
  asOf: string;
}

export interface TreasuryContext {
  fiscalYear: number;
  lines: ReadonlyArray<LineRef>;
  economicCodes: ReadonlySet<string>;
  functionalCodes: ReadonlySet<string>;
  sides?: ReadonlyMap<string, Direction>;
  mapping?: ColumnMapping;
  unit?: ImportUnit | null;
  savedUnit?: ImportUnit | null;
  /** The as-of date chosen at upload; else read from the title ("по состоянию на 01.04.2026"). */
  asOf?: string | null;
}

/** Words that say a date is the report's "as of" date, in ky, ru, kk and en. */
const AS_OF_CUE_RE = /(состояни|(?<!\p{L})на(?!\p{L})|абал|карата|жағдай|as\s+(?:of|at)|исполнени|аткаруу|атқарылу)/iu;
const DATE_IN_TEXT_RE = /(?<!\d)(\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2})(?!\d)/u;

/**
 * The report's as-of date as its title or a header says it ("Исполнение бюджета по состоянию на
 * 01.04.2026", "01.04.2026-ж. карата", "01.04.2026 жылғы жағдай бойынша", "as of 2026-04-01"): the first
 * real date in a cell that also has one of the cue words. Null when there is none.
 */
export function asOfFromTexts(texts: readonly string[]): string | null {
  for (const t of texts) {
    if (!t || !AS_OF_CUE_RE.test(t)) continue;
    const m = DATE_IN_TEXT_RE.exec(t);
    if (!m) continue;
    const d = parseDateChecked(m[1]);
    if (d.ok) return d.value;
  }
  return null;
}

/**
 * The treasury's execution report: one row per classification code with the year's approved plan, the
 * revised plan and the cumulative actual as of a date (chosen, else from the title). Codes must be in the
 * country's classification (the side follows the code), each (economic, functional) once; the as-of date
 * must fall in the fiscal year (1 January of the next year is the whole year). Totals rows, subtotals and
 * headings are left out and reported, as in the other kinds.
 */
export const TREASURY_ROW_SCHEMA: RowSchema<TreasuryRecord, TreasuryContext> = {
  headerIndex: (rows, ctx) => findHeader('TREASURY', rows, ctx.mapping),
  bind(header, ctx, above) {
    const { errors: headerErrors, name, cell, text, has, unit, info } = bindColumns('TREASURY', header, ctx.mapping, above, ctx);
    if (headerErrors.length) return { ok: false, errors: headerErrors };
    const asOf = ctx.asOf ?? asOfFromTexts([...(above ?? []).flatMap((r) => r.cells), ...header]);
    if (!asOf) return { ok: false, errors: [{ line: 1, column: 'as_of', messageKey: 'errors.budgets.import.asOfMissing' }] };
    if (asOf < `${ctx.fiscalYear}-01-01` || asOf > `${ctx.fiscalYear + 1}-01-01`) return { ok: false, errors: [{ line: 1, column: 'as_of', messageKey: 'errors.budgets.import.asOfOutsideFiscalYear', value: asOf }] };
    const byCodes = new Map<string, LineRef[]>();
    for (const l of ctx.lines) for (const k of new Set([`${l.economicCode}|`, `${l.economicCode}|${l.functionalCode ?? ''}`])) byCodes.set(k, [...(byCodes.get(k) ?? []), l]);
    const seen = new Set<string>();
    const skips = nonDataRows(unit, true);
    const optionalAmount = (raw: string) => (raw.trim() ? parseAmountCell(raw, true, unit) : ({ ok: true, value: null } as const));
    return {
      ok: true,
      info: { ...info, sideFrom: 'CODE', asOf, asOfSource: ctx.asOf ? 'CHOSEN' : 'TITLE' },
      parse: (r) => {
        const code = cell(r, 'economic_code').trim();
        const rawActual = cell(r, 'cumulative_actual');
        const skip = skips.check(r, code, rawActual);
        if (skip) return skip;
        const { errors, fail } = rowErrors(name);
        if (!ctx.economicCodes.has(code)) fail('economic_code', 'errors.budgets.import.unknownCode', code);
        const dir = sideOfCode(code, ctx.sides);
        if (!dir && ctx.economicCodes.has(code)) fail('economic_code', 'errors.budgets.import.noDirection', code);
        const func = cell(r, 'functional_code').trim() || null;
        if (func && !ctx.functionalCodes.has(func)) fail('functional_code', 'errors.budgets.import.unknownCode', func);
        const key = `${code}|${func ?? ''}`;
        if (code && seen.has(key)) fail('economic_code', 'errors.budgets.import.duplicateCode', code);
        seen.add(key);
        for (const f of ['name_ky', 'name_ru', 'name_en', 'name_kk']) if (cell(r, f).length > 300) fail(f, 'errors.budgets.import.cellTooLong');
        const actual = parseAmountCell(rawActual, true, unit);
        if (!actual.ok) fail('cumulative_actual', actual.messageKey, rawActual);
        else skips.add(actual.value);
        const approved = has('approved_plan') ? optionalAmount(cell(r, 'approved_plan')) : ({ ok: true, value: null } as const);
        if (!approved.ok) fail('approved_plan', approved.messageKey, cell(r, 'approved_plan'));
        const revised = has('revised_plan') ? optionalAmount(cell(r, 'revised_plan')) : ({ ok: true, value: null } as const);
        if (!revised.ok) fail('revised_plan', revised.messageKey, cell(r, 'revised_plan'));
        const candidates = byCodes.get(key) ?? [];
        return outcome(errors, () => ({
          line: r.line,
          direction: dir as Direction,
          economicCode: code,
          functionalCode: func,
          lineKey: candidates.length === 1 ? candidates[0].lineKey : null,
          names: { ky: text(r, 'name_ky'), ru: text(r, 'name_ru'), en: text(r, 'name_en'), kk: text(r, 'name_kk') },
          approvedPlan: (approved as { value: bigint | null }).value,
          revisedPlan: (revised as { value: bigint | null }).value,
          amount: (actual as { value: bigint }).value,
          asOf,
        }));
      },
    };
  },
};

export function validateTreasuryRows(rows: RawRow[], ctx: TreasuryContext): ValidationResult<TreasuryRecord> {
  return validateRows(rows, TREASURY_ROW_SCHEMA, ctx, VALIDATE);
}
