import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { TransactionRunner } from '@ashar/database';
import { OutboxRelay, OutboxService } from '@ashar/queue';
import { isLocale } from '@ashar/i18n';
import { Injectable } from '@nestjs/common';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { BudgetExport, ExportFormat } from '../entities/budget-export.entity';
import { BUDGET_JOBS } from '../jobs/budget.jobs';
import { BudgetExportsRepository } from '../repositories/budget-exports.repository';
import { BudgetService } from './budget.service';

export const BUDGET_EXPORT_JOB = BUDGET_JOBS.export.name;

@Injectable()
export class ExportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly exportsRepo: BudgetExportsRepository,
    private readonly permissions: PermissionService,
    private readonly budgets: BudgetService,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditService,
  ) {}

  /** Any version (drafts too, for the budget group) with its execution, produced by the exports job. */
  async request(actor: Actor, versionId: string, format: ExportFormat, locale: string | null = null): Promise<BudgetExport> {
    const { budget, version } = await this.budgets.versionById(versionId);
    await this.permissions.assert(actor, budget.communityId, 'budget.export', BUDGETS_PERMISSIONS);
    const exp = await this.tx.run(async (tx) => {
      const row = await this.exportsRepo.insert(tx, { versionId: version.id, communityId: budget.communityId, format, locale: isLocale(locale) ? locale : null, status: 'QUEUED', progress: 0, createdBy: actor.accountId!, contentType: null, content: null });
      await this.outbox.enqueueJob(tx, BUDGET_JOBS.export, { exportId: row.id }, `budget-export.${row.id}`);
      await this.audit.record(tx, actor.toAudit(), { action: 'budget.export.request', entityType: 'BudgetExport', entityId: row.id, communityId: budget.communityId, after: { versionId: version.id, format, locale: isLocale(locale) ? locale : null } });
      return row;
    });
    void this.relay.kick();
    return exp;
  }

  async get(actor: Actor, id: string, withContent = false): Promise<BudgetExport> {
    const e = await this.exportsRepo.findById(uuidOrNotFound('BudgetExport', id), withContent);
    if (!e) throw new NotFoundError('BudgetExport', id);
    await this.permissions.assert(actor, e.communityId, 'budget.export', BUDGETS_PERMISSIONS);
    return e;
  }
}
