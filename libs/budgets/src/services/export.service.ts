import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { OutboxRelay, OutboxService, QUEUES } from '@ashar/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { BudgetExport, ExportFormat } from '../entities/budget-export.entity';
import { BudgetService } from './budget.service';

export const BUDGET_EXPORT_JOB = 'budget.export';

@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly permissions: PermissionService,
    private readonly budgets: BudgetService,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditService,
  ) {}

  /** Any version (drafts too, for the budget group) with its execution, produced by the exports job. */
  async request(actor: Actor, versionId: string, format: ExportFormat): Promise<BudgetExport> {
    const { budget, version } = await this.budgets.versionById(versionId);
    await this.permissions.assert(actor, budget.communityId, 'budget.export', BUDGETS_PERMISSIONS);
    const exp = await this.db.transaction(async (m) => {
      const row = m.create(BudgetExport, { versionId: version.id, communityId: budget.communityId, format, status: 'QUEUED', progress: 0, createdBy: actor.accountId!, contentType: null, content: null });
      await m.insert(BudgetExport, row);
      await this.outbox.enqueue(m, QUEUES.exports, BUDGET_EXPORT_JOB, { exportId: row.id }, `budget-export.${row.id}`);
      await this.audit.record(m, actor.toAudit(), { action: 'budget.export.request', entityType: 'BudgetExport', entityId: row.id, communityId: budget.communityId, after: { versionId: version.id, format } });
      return row;
    });
    void this.relay.kick();
    return exp;
  }

  async get(actor: Actor, id: string, withContent = false): Promise<BudgetExport> {
    const qb = this.db.getRepository(BudgetExport).createQueryBuilder('e').where('e.id = :id', { id: uuidOrNotFound('BudgetExport', id) });
    if (withContent) qb.addSelect('e.content');
    const e = await qb.getOne();
    if (!e) throw new NotFoundError('BudgetExport', id);
    await this.permissions.assert(actor, e.communityId, 'budget.export', BUDGETS_PERMISSIONS);
    return e;
  }
}
