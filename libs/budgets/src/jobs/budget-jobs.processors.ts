import { AppConfig } from '@ashar/kernel';
import { QUEUES } from '@ashar/queue';
import { InjectConfig } from '@ashar/runtime';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { BudgetExport } from '../entities/budget-export.entity';
import { BudgetVersion } from '../entities/budget-version.entity';
import { BudgetViewService } from '../services/budget-view.service';
import { ExportFile, ExportRenderer } from '../services/export.renderer';

export const BUDGET_EXPORT_JOB_NAME = 'budget.export';

const FILE_OF: Record<string, ExportFile> = { CSV: 'budget.csv', XLSX: 'budget.xlsx', JSON: 'budget.json', FDP: 'fdp/datapackage.json' };

/** Exports: renders and stores the file; rerunning overwrites it with the same content (idempotent). */
@Processor(QUEUES.exports, { concurrency: 2 })
export class BudgetExportProcessor extends WorkerHost {
  private readonly renderer: ExportRenderer;

  constructor(@InjectDataSource() private readonly db: DataSource, views: BudgetViewService, @InjectConfig() config: AppConfig) {
    super();
    this.renderer = new ExportRenderer(db, views, config);
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== BUDGET_EXPORT_JOB_NAME) return { ignored: job.name };
    const { exportId } = job.data as { exportId: string };
    const exp = await this.db.getRepository(BudgetExport).findOneBy({ id: exportId });
    if (!exp || exp.status === 'DONE') return { skipped: true };
    const version = await this.db.getRepository(BudgetVersion).findOneByOrFail({ id: exp.versionId });
    await job.updateProgress(10);
    let body: Buffer;
    let contentType: string;
    if (exp.format === 'FDP') {
      // A zip-free package: one JSON document holding the descriptor and its CSV, ready to unpack.
      const d = await this.renderer.render(version.budgetId, version.number, 'fdp/datapackage.json', false);
      const c = await this.renderer.render(version.budgetId, version.number, 'fdp/budget.csv', false);
      body = Buffer.from(JSON.stringify({ 'datapackage.json': JSON.parse(d.body.toString('utf8')), 'budget.csv': c.body.toString('utf8') }));
      contentType = 'application/json; charset=utf-8';
    } else {
      const r = await this.renderer.render(version.budgetId, version.number, FILE_OF[exp.format], false);
      body = r.body;
      contentType = r.contentType;
    }
    await job.updateProgress(90);
    await this.db.query(`UPDATE budget_exports SET status = 'DONE', progress = 100, content = $2, content_type = $3, updated_at = now() WHERE id = $1`, [exportId, body, contentType]);
    return { bytes: body.length };
  }
}
