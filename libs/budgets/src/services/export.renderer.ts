import { AppConfig, formatMinorAsDecimal, isUuid, NotFoundError, toCsv } from '@ashar/kernel';
import { pickLocalized } from '@ashar/i18n';
import { InjectConfig } from '@ashar/runtime';
import { CommunityService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { buildFiscalDataPackage } from '../domain/fiscal-data-package';
import { executionByLine } from '../domain/execution';
import { isPublicStatus } from '../domain/workflow';
import { BudgetVersionsRepository } from '../repositories/budget-versions.repository';
import { BudgetsRepository } from '../repositories/budgets.repository';
import { BudgetViewService } from './budget-view.service';

export type ExportFile = 'budget.csv' | 'budget.xlsx' | 'budget.json' | 'fdp/datapackage.json' | 'fdp/budget.csv';

export const EXPORT_CSV_HEADER = ['line_key', 'direction', 'economic_code', 'functional_code', 'name_ky', 'name_ru', 'name_en', 'amount', 'actual'];

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
    return { budget, version, lines, exec, country: place?.country ?? 'KG', unitCode: place?.unitCode ?? '' };
  }

  async render(budgetId: string, versionNumber: number, file: ExportFile, publicOnly = true): Promise<{ body: Buffer; contentType: string; fileName: string }> {
    const d = await this.load(budgetId, versionNumber, publicOnly);
    const base = `budget-${d.unitCode}-${d.budget.fiscalYear}-v${d.version.number}`;
    // The line's own wording only (not the classification fallback), so a re-import is identical.
    const name = (l: (typeof d.lines)[number], lang: 'ky' | 'ru' | 'en') => l.names?.[lang] ?? '';
    const rows = d.lines.map((l) => [l.lineKey, l.direction, l.economicCode, l.functionalCode ?? '', name(l, 'ky'), name(l, 'ru'), name(l, 'en'), formatMinorAsDecimal(l.amount), formatMinorAsDecimal(d.exec.get(l.lineKey)?.actual ?? 0n)]);
    switch (file) {
      case 'budget.csv':
        return { body: Buffer.from('\ufeff' + toCsv([EXPORT_CSV_HEADER, ...rows]), 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
      case 'budget.xlsx': {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('budget');
        ws.addRow(EXPORT_CSV_HEADER);
        for (const r of rows) ws.addRow(r);
        const monthly = wb.addWorksheet('monthly');
        monthly.addRow(['line_key', 'economic_code', ...Array.from({ length: 12 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`)]);
        for (const l of d.lines) monthly.addRow([l.lineKey, l.economicCode, ...(d.exec.get(l.lineKey)?.monthly ?? Array(12).fill(0n)).map((v) => formatMinorAsDecimal(v))]);
        return { body: Buffer.from(await wb.xlsx.writeBuffer()), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${base}.xlsx` };
      }
      case 'budget.json': {
        const json = {
          budget: { id: d.budget.id, communityId: d.budget.communityId, unitCode: d.unitCode, fiscalYear: d.budget.fiscalYear, currency: d.budget.currency, population: d.budget.population, title: d.budget.title },
          version: { number: d.version.number, status: d.version.status, reason: d.version.reason, decisionDate: d.version.decisionDate, decisionNumber: d.version.decisionNumber, publishedAt: d.version.publishedAt, approvedAt: d.version.approvedAt },
          amountsIn: 'minor units (1/100) as strings',
          lines: d.lines.map((l) => ({ lineKey: l.lineKey, direction: l.direction, economicCode: l.economicCode, functionalCode: l.functionalCode, names: { ...(l.economicNames ?? {}), ...l.names }, amount: l.amount.toString(), actual: (d.exec.get(l.lineKey)?.actual ?? 0n).toString(), monthly: (d.exec.get(l.lineKey)?.monthly ?? []).map(String) })),
        };
        return { body: Buffer.from(JSON.stringify(json, null, 2)), contentType: 'application/json; charset=utf-8', fileName: `${base}.json` };
      }
      case 'fdp/datapackage.json':
      case 'fdp/budget.csv': {
        const pkg = buildFiscalDataPackage({
          name: base.toLowerCase(),
          title: `${pickLocalized(d.budget.title, 'en') || pickLocalized(d.budget.title, 'ru')} (${d.budget.fiscalYear}, v${d.version.number})`,
          countryCode: d.country,
          currency: d.budget.currency,
          fiscalYear: d.budget.fiscalYear,
          phase: d.version.status === 'APPROVED' || d.version.status === 'SUPERSEDED' ? (d.version.number > 1 ? 'adjusted' : 'approved') : 'proposed',
          versionNumber: d.version.number,
          homepage: `${this.config.publicUrl}/budgets/${d.budget.id}`,
          lines: d.lines.map((l) => ({
            lineKey: l.lineKey,
            direction: l.direction,
            economicCode: l.economicCode,
            economicTitle: l.names?.en || l.economicNames?.en || l.names?.ru || l.economicNames?.ru || l.economicCode,
            functionalCode: l.functionalCode,
            functionalTitle: l.functionalCode ? l.functionalNames?.en || l.functionalNames?.ru || l.functionalCode : null,
            planned: l.amount,
            executed: d.exec.get(l.lineKey)?.actual ?? 0n,
          })),
        });
        return file === 'fdp/budget.csv'
          ? { body: Buffer.from(pkg.csv, 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: 'budget.csv' }
          : { body: Buffer.from(JSON.stringify(pkg.descriptor, null, 2)), contentType: 'application/json; charset=utf-8', fileName: 'datapackage.json' };
      }
    }
  }
}
