import { DEFAULT_LOCALE, isLocale } from '@ashar/i18n';
import { Injectable } from '@nestjs/common';
import { BudgetExportsRepository } from '../repositories/budget-exports.repository';
import { BudgetVersionsRepository } from '../repositories/budget-versions.repository';
import { ExportFile, ExportRenderer } from './export.renderer';

const FILE_OF: Record<string, ExportFile> = { CSV: 'budget.csv', CSV_EXCEL: 'budget-excel.csv', XLSX: 'budget.xlsx', JSON: 'budget.json', FDP: 'fdp/datapackage.json' };

/** The export job's work: render the requested version and store the file; rerunning overwrites it with the same content (idempotent). */
@Injectable()
export class ExportRunService {
  constructor(
    private readonly exportsRepo: BudgetExportsRepository,
    private readonly versions: BudgetVersionsRepository,
    private readonly renderer: ExportRenderer,
  ) {}

  async run(exportId: string, progress: (pct: number) => Promise<unknown>): Promise<{ skipped: true } | { bytes: number }> {
    const exp = await this.exportsRepo.findById(exportId);
    if (!exp || exp.status === 'DONE') return { skipped: true };
    const version = await this.versions.findById(exp.versionId);
    if (!version) throw new Error(`export ${exportId}: version ${exp.versionId} not found`);
    await progress(10);
    let body: Buffer;
    let contentType: string;
    if (exp.format === 'FDP') {
      // A zip-free package: one JSON document holding the descriptor and its CSV, ready to unpack.
      const d = await this.renderer.render(version.budgetId, version.number, 'fdp/datapackage.json', false);
      const c = await this.renderer.render(version.budgetId, version.number, 'fdp/budget.csv', false);
      body = Buffer.from(JSON.stringify({ 'datapackage.json': JSON.parse(d.body.toString('utf8')), 'budget.csv': c.body.toString('utf8') }));
      contentType = 'application/json; charset=utf-8';
    } else {
      const r = await this.renderer.render(version.budgetId, version.number, FILE_OF[exp.format], false, isLocale(exp.locale) ? exp.locale : DEFAULT_LOCALE);
      body = r.body;
      contentType = r.contentType;
    }
    await progress(90);
    await this.exportsRepo.markDone(exportId, body, contentType);
    return { bytes: body.length };
  }
}
