import { QUEUES } from '@ashar/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { ExportRunService } from '../services/export-run.service';
import { BUDGET_EXPORT, BudgetExportPayload } from './budget-export.job';

/**
 * Exports: the service renders and stores the file (ExportRunService). Until the worker dispatches
 * `@HandlesJob` handlers by name, this BullMQ processor answers the exports queue.
 */
@Processor(QUEUES.exports, { concurrency: 2 })
export class BudgetExportProcessor extends WorkerHost {
  constructor(private readonly exports: ExportRunService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== BUDGET_EXPORT.name) return { ignored: job.name };
    const { exportId } = job.data as BudgetExportPayload;
    return this.exports.run(exportId, (pct) => job.updateProgress(pct));
  }
}
