import { AppConfig, formatMinorAsDecimal, isUuid, NotFoundError, toCsv } from '@ashar/kernel';
import { DEFAULT_LOCALE, Locale, pickLocalized, translate } from '@ashar/i18n';
import { InjectConfig } from '@ashar/runtime';
import { CommunityService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { buildFiscalDataPackage } from '../domain/fiscal-data-package';
import { budgetFundsOf, countryOfCurrency, revenueSources } from '../domain/budget-model';
import { executionByLine } from '../domain/execution';
import { executedPerLine } from '../domain/treasury';
import { columnLetter, executionAsOf, minorToCellNumber, minorToDecimalComma, safeSheetName, sheetRef, toExcelCsv } from '../domain/export-format';
import { isPublicStatus } from '../domain/workflow';
import { BudgetVersionsRepository } from '../repositories/budget-versions.repository';
import { BudgetsRepository } from '../repositories/budgets.repository';
import { BudgetViewService } from './budget-view.service';

export type ExportFile = 'budget.csv' | 'budget-excel.csv' | 'budget.xlsx' | 'budget.json' | 'fdp/datapackage.json' | 'fdp/budget.csv';

/** `amount` is the line's whole amount, `special_funds` the part of it that is special funds (the import reads both back); forecasts after. */
export const EXPORT_CSV_HEADER = ['line_key', 'direction', 'economic_code', 'functional_code', 'name_ky', 'name_ru', 'name_en', 'amount', 'actual', 'special_funds', 'forecast_year1', 'forecast_year2'];
/** The columns of the files made for people (XLSX, CSV for Excel), headed in the reader's language. */
export const SHEET_COLUMNS = ['line_key', 'direction', 'economic_code', 'functional_code', 'name_ky', 'name_ru', 'name_en', 'name_kk', 'amount', 'actual', 'special_funds', 'forecast_year1', 'forecast_year2'] as const;
const MONEY_FORMAT = '#,##0.00';
const DATE_FORMAT = 'dd.mm.yyyy';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An optional amount, formatted; `empty` when not given. */
function opt<T>(v: bigint | null | undefined, f: (x: bigint) => T): T | '';
function opt<T, E>(v: bigint | null | undefined, f: (x: bigint) => T, empty: E): T | E;
function opt(v: bigint | null | undefined, f: (x: bigint) => unknown, empty: unknown = '') {
  return v === null || v === undefined ? empty : f(v);
}

const capitalised = (s: string, locale: Locale) => s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);

/**
 * A column's header in the reader's language. The import's own column names (`budgets.import.column.*`)
 * where the import reads the column, so a localized XLSX imports back as it is.
 */
export function sheetHeader(field: (typeof SHEET_COLUMNS)[number], locale: Locale, fiscalYear?: number): string {
  if (field === 'line_key' || field === 'actual') return translate(locale, `budgets.export.column.${field}`);
  if (field === 'forecast_year1' || field === 'forecast_year2') return translate(locale, 'budgets.export.column.forecast', { year: (fiscalYear ?? 0) + (field === 'forecast_year1' ? 1 : 2) });
  return capitalised(translate(locale, `budgets.import.column.${field}`), locale);
}

/** "2025-06-30" → a Date at UTC midnight (what exceljs writes as that calendar day). */
const isoToDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * Renders a version with its execution. The CSV/XLSX columns are what the budget import reads, so
 * export → import gives the same budget. Amounts are decimals in som/tenge (exact, from minor units).
 */
@Injectable()
export class ExportRenderer {
  constructor(
    private readonly budgets: BudgetsRepository,
    private readonly versions: BudgetVersionsRepository,
    private readonly views: BudgetViewService,
    private readonly communities: CommunityService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async load(budgetId: string, versionNumber: number, publicOnly: boolean) {
    const budget = isUuid(budgetId) ? await this.budgets.findById(budgetId) : null;
    const version = budget ? await this.versions.findByNumber(budgetId, versionNumber) : null;
    if (!budget || !version || (publicOnly && !isPublicStatus(version.status))) throw new NotFoundError('BudgetVersion', `${budgetId}/${versionNumber}`);
    const lines = (await this.views.linesOfVersions([version.id])).get(version.id)!;
    const actuals = (await this.views.monthlyActualsOfBudgets([budget.id])).get(budget.id)!;
    const exec = executionByLine(lines, actuals);
    const place = (await this.communities.placesOf([budget.communityId])).get(budget.communityId);
    const snapshots = (await this.views.treasuryOfBudgets([budget.id])).get(budget.id) ?? [];
    return { budget, version, lines, exec, snapshots, country: place?.country ?? 'KG', unitCode: place?.unitCode ?? '' };
  }

  async render(budgetId: string, versionNumber: number, file: ExportFile, publicOnly = true, locale: Locale = DEFAULT_LOCALE): Promise<{ body: Buffer; contentType: string; fileName: string }> {
    const d = await this.load(budgetId, versionNumber, publicOnly);
    const base = `budget-${d.unitCode}-${d.budget.fiscalYear}-v${d.version.number}`;
    // The line's own wording only (not the classification fallback), so a re-import is identical.
    const name = (l: (typeof d.lines)[number], lang: 'ky' | 'ru' | 'en') => l.names?.[lang] ?? '';
    const rows = d.lines.map((l) => [l.lineKey, l.direction, l.economicCode, l.functionalCode ?? '', name(l, 'ky'), name(l, 'ru'), name(l, 'en'), formatMinorAsDecimal(l.amount), formatMinorAsDecimal(d.exec.get(l.lineKey)?.actual ?? 0n), formatMinorAsDecimal(l.specialFunds), opt(l.forecastYear1, formatMinorAsDecimal), opt(l.forecastYear2, formatMinorAsDecimal)]);
    switch (file) {
      case 'budget.csv':
        return { body: Buffer.from('\ufeff' + toCsv([EXPORT_CSV_HEADER, ...rows]), 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
      case 'budget-excel.csv': {
        const sheet = this.sheetRows(d, locale);
        const body = toExcelCsv([SHEET_COLUMNS.map((f) => sheetHeader(f, locale, d.budget.fiscalYear)), ...sheet.map((r) => [...r.text, minorToDecimalComma(r.amount), minorToDecimalComma(r.actual), minorToDecimalComma(r.specialFunds), opt(r.forecastYear1, minorToDecimalComma), opt(r.forecastYear2, minorToDecimalComma)])]);
        return { body, contentType: 'text/csv; charset=utf-8', fileName: `${base}-excel.csv` };
      }
      case 'budget.xlsx':
        return { body: await this.xlsx(d, locale), contentType: XLSX_TYPE, fileName: `${base}.xlsx` };
      case 'budget.json': {
        const json = {
          budget: { id: d.budget.id, communityId: d.budget.communityId, unitCode: d.unitCode, fiscalYear: d.budget.fiscalYear, currency: d.budget.currency, population: d.budget.population, title: d.budget.title },
          version: { number: d.version.number, status: d.version.status, reason: d.version.reason, decisionDate: d.version.decisionDate, decisionNumber: d.version.decisionNumber, publishedAt: d.version.publishedAt, approvedAt: d.version.approvedAt },
          amountsIn: 'minor units (1/100) as strings',
          forecastYears: [d.budget.fiscalYear + 1, d.budget.fiscalYear + 2],
          revenueSources: Object.fromEntries(Object.entries(revenueSources(d.lines, countryOfCurrency(d.budget.currency))).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v])),
          lines: d.lines.map((l) => ({ lineKey: l.lineKey, direction: l.direction, economicCode: l.economicCode, functionalCode: l.functionalCode, names: { ...(l.economicNames ?? {}), ...l.names }, amount: l.amount.toString(), budgetFunds: budgetFundsOf(l).toString(), specialFunds: l.specialFunds.toString(), forecastYear1: opt(l.forecastYear1, String, null), forecastYear2: opt(l.forecastYear2, String, null), actual: (d.exec.get(l.lineKey)?.actual ?? 0n).toString(), monthly: (d.exec.get(l.lineKey)?.monthly ?? []).map(String) })),
        };
        return { body: Buffer.from(JSON.stringify(json, null, 2)), contentType: 'application/json; charset=utf-8', fileName: `${base}.json` };
      }
      case 'fdp/datapackage.json':
      case 'fdp/budget.csv': {
        // `executed`: the newest treasury report's cumulative actual as of its date, else the payments entered as of today.
        const executed = executedPerLine(d.lines, new Map([...d.exec].map(([k, e]) => [k, e.actual])), d.snapshots);
        const pkg = buildFiscalDataPackage({
          name: base.toLowerCase(),
          title: `${pickLocalized(d.budget.title, 'en') || pickLocalized(d.budget.title, 'ru')} (${d.budget.fiscalYear}, v${d.version.number})`,
          countryCode: d.country,
          currency: d.budget.currency,
          fiscalYear: d.budget.fiscalYear,
          // The final budget is `approved` (what the kenesh adopted at year end), only amendments are `adjusted`.
          phase: d.version.status === 'APPROVED' || d.version.status === 'SUPERSEDED' ? (d.version.kind === 'AMENDMENT' ? 'adjusted' : 'approved') : 'proposed',
          versionNumber: d.version.number,
          executedAsOf: executed.asOf ?? executionAsOf(d.budget.fiscalYear, d.country),
          executedSource: executed.source === 'TREASURY' ? 'treasury' : 'payments',
          homepage: `${this.config.publicUrl}/budgets/${d.budget.id}`,
          lines: d.lines.map((l) => ({
            lineKey: l.lineKey,
            direction: l.direction,
            economicCode: l.economicCode,
            economicTitle: l.names?.en || l.economicNames?.en || l.names?.ru || l.economicNames?.ru || l.economicCode,
            functionalCode: l.functionalCode,
            functionalTitle: l.functionalCode ? l.functionalNames?.en || l.functionalNames?.ru || l.functionalCode : null,
            planned: l.amount,
            executed: executed.executed.get(l.lineKey) ?? 0n,
            specialFunds: l.specialFunds,
            forecastYear1: l.forecastYear1,
            forecastYear2: l.forecastYear2,
          })),
        });
        return file === 'fdp/budget.csv'
          ? { body: Buffer.from(pkg.csv, 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: 'budget.csv' }
          : { body: Buffer.from(JSON.stringify(pkg.descriptor, null, 2)), contentType: 'application/json; charset=utf-8', fileName: 'datapackage.json' };
      }
    }
  }

  /** The lines for people: revenue first, then expenditure (each side one block, for its SUM), words in the reader's language. */
  private sheetRows(d: Awaited<ReturnType<ExportRenderer['load']>>, locale: Locale) {
    const side = (dir: string) => capitalised(translate(locale, `budgets.import.value.${dir}`), locale);
    const ordered = [...d.lines.filter((l) => l.direction === 'REVENUE'), ...d.lines.filter((l) => l.direction !== 'REVENUE')];
    return ordered.map((l) => {
      const e = d.exec.get(l.lineKey);
      return {
        direction: l.direction,
        lineKey: l.lineKey,
        economicCode: l.economicCode,
        text: [l.lineKey, side(l.direction), l.economicCode, l.functionalCode ?? '', l.names?.ky ?? '', l.names?.ru ?? '', l.names?.en ?? '', l.names?.kk ?? ''],
        amount: l.amount,
        actual: e?.actual ?? 0n,
        specialFunds: l.specialFunds,
        forecastYear1: l.forecastYear1,
        forecastYear2: l.forecastYear2,
        monthly: e?.monthly ?? Array<bigint>(12).fill(0n),
      };
    });
  }

  /**
   * The XLSX: amounts are numbers in som/tenge (format #,##0.00), codes text, dates dates; a frozen
   * header row; the lines sheet first and alone (the import reads the first sheet), the totals per side
   * as SUM formulas with their results cached, and the execution by month.
   */
  private async xlsx(d: Awaited<ReturnType<ExportRenderer['load']>>, locale: Locale): Promise<Buffer> {
    const rows = this.sheetRows(d, locale);
    const t = (key: string) => translate(locale, key);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Ashar';
    const linesName = safeSheetName(t('budgets.export.sheet.lines'));
    const summaryName = safeSheetName(t('budgets.export.sheet.summary'));
    const monthlyName = safeSheetName(t('budgets.export.sheet.monthly'));
    const frozen = [{ state: 'frozen' as const, ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }];

    // 1. The lines (what the import reads back).
    const ws = wb.addWorksheet(linesName, { views: frozen });
    const header = ws.addRow(SHEET_COLUMNS.map((f) => sheetHeader(f, locale, d.budget.fiscalYear)));
    header.font = { bold: true };
    const amountCol = SHEET_COLUMNS.indexOf('amount') + 1;
    const actualCol = SHEET_COLUMNS.indexOf('actual') + 1;
    const specialCol = SHEET_COLUMNS.indexOf('special_funds') + 1;
    const forecast1Col = SHEET_COLUMNS.indexOf('forecast_year1') + 1;
    const forecast2Col = SHEET_COLUMNS.indexOf('forecast_year2') + 1;
    for (const r of rows) {
      const row = ws.addRow([...r.text, minorToCellNumber(r.amount), minorToCellNumber(r.actual), minorToCellNumber(r.specialFunds), opt(r.forecastYear1, minorToCellNumber, null), opt(r.forecastYear2, minorToCellNumber, null)]);
      for (let c = 1; c < amountCol; c++) row.getCell(c).numFmt = '@';
      for (const c of [amountCol, actualCol, specialCol, forecast1Col, forecast2Col]) row.getCell(c).numFmt = MONEY_FORMAT;
    }
    ws.columns.forEach((col, i) => (col.width = i + 1 >= amountCol ? 18 : i === 0 ? 38 : 16));

    // Row span of each side on the lines sheet (rows 2…): revenue first, then expenditure.
    const revenueCount = rows.filter((r) => r.direction === 'REVENUE').length;
    const span = { REVENUE: [2, 1 + revenueCount], EXPENDITURE: [2 + revenueCount, 1 + rows.length] } as const;
    const sum = (sheet: string | null, col: number, dir: 'REVENUE' | 'EXPENDITURE', result: bigint) => {
      const [from, to] = span[dir];
      if (to < from) return { formula: '0', result: 0 };
      const ref = `${sheet ? `${sheetRef(sheet)}!` : ''}${columnLetter(col)}${from}:${columnLetter(col)}${to}`;
      return { formula: `SUM(${ref})`, result: minorToCellNumber(result) };
    };
    const total = (dir: 'REVENUE' | 'EXPENDITURE', pick: (r: (typeof rows)[number]) => bigint) => rows.filter((r) => (r.direction === 'REVENUE') === (dir === 'REVENUE')).reduce((a, r) => a + pick(r), 0n);

    // 2. The summary: what, when, and the totals per side as formulas over the lines sheet.
    const sm = wb.addWorksheet(summaryName);
    const titleText = pickLocalized(d.budget.title, locale) || pickLocalized(d.budget.title, 'ru');
    const statusText = t(`budgets.status.${d.version.status.toLowerCase()}`);
    const asOf = executionAsOf(d.budget.fiscalYear, d.country);
    sm.addRow([t('budgets.export.info.title'), titleText]);
    sm.addRow([t('budgets.export.info.fiscalYear'), d.budget.fiscalYear]);
    sm.addRow([t('budgets.export.info.version'), d.version.number]);
    sm.addRow([t('budgets.export.info.status'), statusText]);
    sm.addRow([t('budgets.export.info.currency'), `${t(`budgets.currency.${d.budget.currency}`)} (${d.budget.currency})`]);
    const decision = sm.addRow([t('budgets.export.info.decisionDate'), d.version.decisionDate ? isoToDate(String(d.version.decisionDate).slice(0, 10)) : null]);
    decision.getCell(2).numFmt = DATE_FORMAT;
    const asOfRow = sm.addRow([t('budgets.export.info.executedAsOf'), isoToDate(asOf)]);
    asOfRow.getCell(2).numFmt = DATE_FORMAT;
    sm.addRow([]);
    const totalsHeader = sm.addRow([t('budgets.export.column.side'), t('budgets.export.column.planned'), t('budgets.export.column.actual'), sheetHeader('special_funds', locale), sheetHeader('forecast_year1', locale, d.budget.fiscalYear), sheetHeader('forecast_year2', locale, d.budget.fiscalYear)]);
    totalsHeader.font = { bold: true };
    const first = totalsHeader.number + 1;
    for (const dir of ['REVENUE', 'EXPENDITURE'] as const) {
      const r = sm.addRow([
        t(`budgets.export.total.${dir}`),
        sum(linesName, amountCol, dir, total(dir, (x) => x.amount)),
        sum(linesName, actualCol, dir, total(dir, (x) => x.actual)),
        sum(linesName, specialCol, dir, total(dir, (x) => x.specialFunds)),
        sum(linesName, forecast1Col, dir, total(dir, (x) => x.forecastYear1 ?? 0n)),
        sum(linesName, forecast2Col, dir, total(dir, (x) => x.forecastYear2 ?? 0n)),
      ]);
      for (let c = 2; c <= 6; c++) r.getCell(c).numFmt = MONEY_FORMAT;
    }
    const balance = sm.addRow([
      t('budgets.export.total.balance'),
      { formula: `B${first}-B${first + 1}`, result: minorToCellNumber(total('REVENUE', (x) => x.amount) - total('EXPENDITURE', (x) => x.amount)) },
      { formula: `C${first}-C${first + 1}`, result: minorToCellNumber(total('REVENUE', (x) => x.actual) - total('EXPENDITURE', (x) => x.actual)) },
    ]);
    balance.getCell(2).numFmt = MONEY_FORMAT;
    balance.getCell(3).numFmt = MONEY_FORMAT;
    sm.getColumn(1).width = 34;
    sm.getColumn(2).width = 22;
    for (let c = 3; c <= 6; c++) sm.getColumn(c).width = 22;

    // 3. Execution by month: months as dates (Excel names them in its own language), a total per line and per side.
    const mw = wb.addWorksheet(monthlyName, { views: frozen });
    const MONTH0 = 5;
    const mh = mw.addRow([sheetHeader('line_key', locale), sheetHeader('direction', locale), sheetHeader('economic_code', locale), sheetHeader('functional_code', locale), ...Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(d.budget.fiscalYear, i, 1))), t('budgets.export.column.actual')]);
    mh.font = { bold: true };
    for (let m = 0; m < 12; m++) mh.getCell(MONTH0 + m).numFmt = 'mmm yyyy';
    const totalCol = MONTH0 + 12;
    const range = (r: number) => `${columnLetter(MONTH0)}${r}:${columnLetter(MONTH0 + 11)}${r}`;
    for (const r of rows) {
      const row = mw.addRow([...r.text.slice(0, 4), ...r.monthly.map(minorToCellNumber)]);
      row.getCell(totalCol).value = { formula: `SUM(${range(row.number)})`, result: minorToCellNumber(r.actual) };
      for (let c = 1; c < MONTH0; c++) row.getCell(c).numFmt = '@';
      for (let c = MONTH0; c <= totalCol; c++) row.getCell(c).numFmt = MONEY_FORMAT;
    }
    for (const dir of ['REVENUE', 'EXPENDITURE'] as const) {
      const monthTotals = Array.from({ length: 12 }, (_, m) => total(dir, (x) => x.monthly[m] ?? 0n));
      const row = mw.addRow([t(`budgets.export.total.${dir}`)]);
      row.font = { bold: true };
      for (let m = 0; m <= 12; m++) {
        const cell = row.getCell(MONTH0 + m);
        cell.value = sum(null, MONTH0 + m, dir, m < 12 ? monthTotals[m] : total(dir, (x) => x.actual));
        cell.numFmt = MONEY_FORMAT;
      }
    }
    mw.getColumn(1).width = 38;
    for (let c = MONTH0; c <= totalCol; c++) mw.getColumn(c).width = 14;
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
