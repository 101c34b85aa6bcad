import { AuditService } from '@ashar/audit';
import { FinalFailureAwareHost, QUEUES } from '@ashar/queue';
import { InjectAppLogger } from '@ashar/runtime';
import { Processor } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { markImportFailed, runImport } from '../services/import-runner';

export const BUDGET_IMPORT_JOB_NAME = 'budget.import';

/**
 * CSV/XLSX imports: all or nothing, idempotent (see import-runner.ts). When the last attempt fails
 * (or the error is unrecoverable) the import is marked FAILED with `errors.budgets.import.failed`, so
 * it does not stay RUNNING; a job lost to repeated crashes is caught by the stale check on lookup
 * (ImportService, STALE_IMPORT_MS).
 */
@Processor(QUEUES.imports, { concurrency: 2 })
export class BudgetImportProcessor extends FinalFailureAwareHost {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly audit: AuditService, @InjectAppLogger() private readonly log: Logger) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== BUDGET_IMPORT_JOB_NAME) return { ignored: job.name };
    const { importId } = job.data as { importId: string };
    const outcome = await runImport(this.db, this.audit, importId, (pct) => job.updateProgress(pct));
    this.log.info({ importId, ...outcome }, 'budget import finished');
    return outcome;
  }

  protected async onFailedForGood(job: Job, err: Error): Promise<void> {
    if (job.name !== BUDGET_IMPORT_JOB_NAME) return;
    const { importId } = job.data as { importId: string };
    const changed = await markImportFailed(this.db, importId);
    this.log.error({ importId, attemptsMade: job.attemptsMade, err: { message: err?.message } }, changed ? 'budget import failed for good; marked FAILED' : 'budget import job failed for good');
  }

  protected onFailedForGoodError(err: unknown, job: Job): void {
    this.log.error({ jobId: job.id, err }, 'could not mark the import as failed');
  }
}
