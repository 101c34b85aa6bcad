import { HandlesJob, JobHandler, JobRunContext } from '@ashar/queue';
import { Injectable } from '@nestjs/common';
import { ExportRunService } from '../services/export-run.service';
import { BUDGET_JOBS } from './budget.jobs';

/** What the export job needs: the export row that names the version and format, and receives the file. */
export interface BudgetExportPayload {
  exportId: string;
}

/** Renders and stores a requested export (ExportRunService); a rerun overwrites the file with the same content. */
@Injectable()
@HandlesJob(BUDGET_JOBS.export)
export class BudgetExportJob implements JobHandler<BudgetExportPayload> {
  constructor(private readonly exports: ExportRunService) {}

  handle(payload: BudgetExportPayload, ctx: JobRunContext): Promise<unknown> {
    return this.exports.run(payload.exportId, (pct) => ctx.progress(pct));
  }
}
