import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { pgErrorCode, PG_FOREIGN_KEY_VIOLATION } from '@ashar/database';
import { ConflictError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { OutboxRelay, OutboxService, QUEUES } from '@ashar/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { BUDGET_FIELDS, ImportKind, LEDGER_FIELDS } from '../domain/import-rows';
import { BudgetImport } from '../entities/budget-import.entity';
import { BudgetVersion } from '../entities/budget-version.entity';
import { ImportMapping } from '../entities/import-mapping.entity';
import { BudgetService } from './budget.service';
import { detectFormat } from './file-rows';
import { IMPORT_FAILED_ERROR } from './import-runner';

export const BUDGET_IMPORT_JOB = 'budget.import';
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
/**
 * A RUNNING import whose row has not changed for this long has lost its job (a worker killed again
 * and again, a job that stalled out of BullMQ): it is marked FAILED when looked up, so it cannot stay
 * RUNNING, and the same file can be uploaded again. A live run writes its progress at least every
 * 10,000 rows, far more often than this.
 */
export const STALE_IMPORT_MS = 10 * 60 * 1000;

@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly permissions: PermissionService,
    private readonly budgets: BudgetService,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditService,
  ) {}

  /** The permission check of `start`, on its own: the HTTP upload runs it before reading the body. */
  async assertMayImport(actor: Actor, budgetId: string, kind: ImportKind): Promise<void> {
    const budget = await this.budgets.budgetById(budgetId);
    await this.permissions.assert(actor, budget.communityId, kind === 'LEDGER' ? 'budget.recordExecution' : 'budget.edit', BUDGETS_PERMISSIONS);
  }

  /**
   * Stores the file and enqueues the job in one transaction. The same file for the same budget is
   * one import: uploading it again returns the existing import instead of importing twice.
   */
  async start(actor: Actor, input: { budgetId: string; kind: ImportKind; fileName: string; content: Buffer }): Promise<BudgetImport> {
    const budget = await this.budgets.budgetById(input.budgetId);
    await this.permissions.assert(actor, budget.communityId, input.kind === 'LEDGER' ? 'budget.recordExecution' : 'budget.edit', BUDGETS_PERMISSIONS);
    if (!input.content.length) throw new InvalidInputError('file', 'errors.budgets.import.empty');
    if (input.content.length > MAX_IMPORT_BYTES) throw new InvalidInputError('file', 'errors.budgets.import.tooLarge', undefined, { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });
    const fileName = (input.fileName || 'upload.csv').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200);
    const sha = createHash('sha256').update(input.content).digest('hex');
    let versionId: string | null = null;
    if (input.kind === 'BUDGET') {
      const open = await this.db.getRepository(BudgetVersion).findOneBy({ budgetId: budget.id, status: 'DRAFT' });
      if (!open) throw new ConflictError('errors.budgets.noDraft');
      versionId = open.id;
    }
    const saved = await this.db.getRepository(ImportMapping).findOneBy({ communityId: budget.communityId, kind: input.kind });
    const imp = await this.db.transaction(async (m) => {
      await this.expireStale(m, `budget_id = $1 AND kind = $2 AND file_sha256 = $3`, [budget.id, input.kind, sha]);
      const existing = await m.findOne(BudgetImport, { where: { budgetId: budget.id, kind: input.kind, fileSha256: sha, status: In(['QUEUED', 'RUNNING', 'DONE']) } });
      if (existing) return existing;
      const row = m.create(BudgetImport, {
        communityId: budget.communityId,
        budgetId: budget.id,
        versionId,
        kind: input.kind,
        format: detectFormat(fileName, input.content),
        fileName,
        fileSha256: sha,
        content: input.content,
        mapping: saved?.mapping ?? {},
        status: 'QUEUED',
        progress: 0,
        createdBy: actor.accountId!,
        errors: null,
        finishedAt: null,
      });
      // The same file uploaded several times at once: the partial unique index lets one insert win; the
      // others wait for it (ON CONFLICT DO NOTHING), then read and return the winner's row.
      const inserted = await m.createQueryBuilder().insert().into(BudgetImport).values(row).orIgnore().returning(['id']).execute();
      const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
      if (!id) {
        const winner = await m.findOne(BudgetImport, { where: { budgetId: budget.id, kind: input.kind, fileSha256: sha, status: In(['QUEUED', 'RUNNING', 'DONE']) } });
        if (!winner) throw new ConflictError('errors.budgets.import.retry');
        return winner;
      }
      row.id = id;
      await this.outbox.enqueue(m, QUEUES.imports, BUDGET_IMPORT_JOB, { importId: row.id }, `budget-import.${row.id}`);
      await this.audit.record(m, actor.toAudit(), { action: 'budget.import.start', entityType: 'BudgetImport', entityId: row.id, communityId: budget.communityId, after: { kind: row.kind, fileName, bytes: input.content.length, sha256: sha } });
      return row;
    });
    void this.relay.kick();
    return imp;
  }

  async get(actor: Actor, id: string): Promise<BudgetImport> {
    const imp = await this.db.getRepository(BudgetImport).findOneBy({ id: uuidOrNotFound('BudgetImport', id) });
    if (!imp) throw new NotFoundError('BudgetImport', id);
    await this.permissions.assert(actor, imp.communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS);
    if (imp.status === 'RUNNING' && Date.now() - imp.updatedAt.getTime() > STALE_IMPORT_MS) {
      await this.expireStale(this.db.manager, 'id = $1', [imp.id]);
      return this.db.getRepository(BudgetImport).findOneByOrFail({ id: imp.id });
    }
    return imp;
  }

  /** RUNNING imports (matching `where`) silent for STALE_IMPORT_MS become FAILED. */
  private async expireStale(m: EntityManager, where: string, params: unknown[]): Promise<void> {
    const n = params.length;
    await m.query(
      `UPDATE budget_imports SET status = 'FAILED', errors = $${n + 1}, progress = 100, finished_at = now(), updated_at = now()
        WHERE ${where} AND status = 'RUNNING' AND updated_at < now() - make_interval(secs => $${n + 2})`,
      [...params, JSON.stringify([IMPORT_FAILED_ERROR]), STALE_IMPORT_MS / 1000],
    );
  }

  /** The community's column mapping: our field → the header in their files. */
  async saveMapping(actor: Actor, communityId: string, kind: ImportKind, columns: Array<{ field: string; header: string }>): Promise<Record<string, string>> {
    await this.permissions.assert(actor, communityId, 'budget.edit', BUDGETS_PERMISSIONS);
    const allowed: readonly string[] = kind === 'LEDGER' ? LEDGER_FIELDS : BUDGET_FIELDS;
    columns.forEach((c, i) => {
      if (!allowed.includes(c.field)) throw new InvalidInputError(`input.columns.${i}.field`, 'errors.budgets.import.unknownField');
    });
    const mapping = Object.fromEntries(columns.map((c) => [c.field, c.header]));
    try {
      await this.db.transaction(async (m) => {
        await m.createQueryBuilder().insert().into(ImportMapping).values({ communityId, kind, mapping }).orUpdate(['mapping', 'updated_at'], ['community_id', 'kind']).execute();
        await this.audit.record(m, actor.toAudit(), { action: 'budget.import.mapping', entityType: 'ImportMapping', communityId, after: { kind, mapping } });
      });
    } catch (e) {
      // A platform admin passes every permission check, so an unknown community surfaces only here.
      if (pgErrorCode(e) === PG_FOREIGN_KEY_VIOLATION) throw new NotFoundError('Community', communityId);
      throw e;
    }
    return mapping;
  }
}
