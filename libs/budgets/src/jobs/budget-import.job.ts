import { HandlesJob, JobHandler, JobRunContext } from '@ashar/queue';
import { InjectAppLogger } from '@ashar/runtime';
import { Injectable } from '@nestjs/common';
import { Logger } from 'pino';
import { BudgetImportPipeline } from '../services/budget-import.pipeline';
import { BUDGET_JOBS } from './budget.jobs';

type Payload = { importId: string };

/**
 * The budgets import job (`budget.import` on the `imports` queue): runs one import on the shared
 * pipeline (BudgetImportPipeline), all or nothing, idempotent. When no attempt is left (or the error is
 * unrecoverable) the import is marked FAILED with `errors.budgets.import.failed`, so it does not stay
 * RUNNING; a job lost to repeated crashes is caught by the stale check on lookup (STALE_IMPORT_MS).
 */
@Injectable()
@HandlesJob(BUDGET_JOBS.import)
export class BudgetImportJob implements JobHandler<Payload> {
  constructor(private readonly imports: BudgetImportPipeline, @InjectAppLogger() private readonly log: Logger) {}

  async handle({ importId }: Payload, ctx: JobRunContext): Promise<unknown> {
    const outcome = await this.imports.run(importId, (pct) => ctx.progress(pct));
    this.log.info({ importId, ...outcome }, 'budget import finished');
    return outcome;
  }

  async onFailedForGood({ importId }: Payload, err: Error, ctx: JobRunContext): Promise<void> {
    const changed = await this.imports.abandon(importId);
    this.log.error({ importId, attempt: ctx.attempt, err: { message: err?.message } }, changed ? 'budget import failed for good; marked FAILED' : 'budget import job failed for good');
  }
}
