import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { errorReportRows, reportLocale, STALE_IMPORT_MS } from '@ashar/imports';
import { ConflictError, InvalidInputError, NotFoundError, toCsv, uuidOrNotFound } from '@ashar/kernel';
import { OutboxRelay, OutboxService } from '@ashar/queue';
import { Injectable } from '@nestjs/common';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { BUDGET_FIELDS, ImportKind, LEDGER_FIELDS } from '../domain/import-rows';
import { BudgetImport } from '../entities/budget-import.entity';
import { BUDGET_JOBS } from '../jobs/budget.jobs';
import { ImportMappingRepository } from '../repositories/import-mapping.repository';
import { BudgetImportWriterRepository } from '../repositories/budget-import-writer.repository';
import { BudgetService } from './budget.service';
import { BUDGET_IMPORT_LIMITS, BudgetImportPipeline } from './budget-import.pipeline';

export const MAX_IMPORT_BYTES = BUDGET_IMPORT_LIMITS.maxBytes;
export { STALE_IMPORT_MS };

/**
 * Budgets' imports as the API sees them: who may import (the context's permission check), starting an
 * import on the shared pipeline (file stored + job enqueued + audit, one transaction), looking it up,
 * its translated error report, and the community's saved column mapping.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly imports: BudgetImportPipeline,
    private readonly mappings: ImportMappingRepository,
    private readonly writer: BudgetImportWriterRepository,
    private readonly transactions: TransactionRunner,
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
  async start(actor: Actor, input: { budgetId: string; kind: ImportKind; fileName: string; content: Buffer; locale?: string | null }): Promise<BudgetImport> {
    const budget = await this.budgets.budgetById(input.budgetId);
    await this.permissions.assert(actor, budget.communityId, input.kind === 'LEDGER' ? 'budget.recordExecution' : 'budget.edit', BUDGETS_PERMISSIONS);
    if (!input.content.length) throw new InvalidInputError('file', 'errors.budgets.import.empty');
    let versionId: string | null = null;
    if (input.kind === 'BUDGET') {
      const open = await this.writer.draftOf(budget.id);
      if (!open) throw new ConflictError('errors.budgets.noDraft');
      versionId = open.id;
    }
    const mapping = (await this.mappings.mappingOf(budget.communityId, input.kind)) ?? {};
    return this.imports.pipeline.start(
      { kind: input.kind, targetId: budget.id, fileName: input.fileName, content: input.content, createdBy: actor.accountId!, locale: input.locale ?? null, extra: { communityId: budget.communityId, versionId, mapping } },
      {
        onCreated: async (tx, row) => {
          await this.outbox.enqueueJob(tx, BUDGET_JOBS.import, { importId: row.id }, `budget-import.${row.id}`);
          await this.audit.record(tx, actor.toAudit(), { action: 'budget.import.start', entityType: 'BudgetImport', entityId: row.id, communityId: budget.communityId, after: { kind: row.kind, fileName: row.fileName, bytes: input.content.length, sha256: row.fileSha256 } });
        },
        afterCreated: () => void this.relay.kick(),
      },
    );
  }

  async get(actor: Actor, id: string): Promise<BudgetImport> {
    const found = await this.imports.store.byId(uuidOrNotFound('BudgetImport', id));
    if (!found) throw new NotFoundError('BudgetImport', id);
    await this.permissions.assert(actor, found.communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS);
    return (await this.imports.pipeline.get(found.id))!;
  }

  /**
   * The row-by-row error report as CSV (UTF-8 with BOM, for Excel): line, column, value, the message in
   * the reader's language (else the import's), and the stable key.
   */
  async errorReport(actor: Actor, id: string, requestLocale: string | null): Promise<{ fileName: string; body: string }> {
    const imp = await this.get(actor, id);
    const rows = errorReportRows(imp.errors ?? [], reportLocale(requestLocale, imp.locale));
    return { fileName: `import-${imp.id}-errors.csv`, body: '\ufeff' + toCsv(rows) };
  }

  /** The community's column mapping: our field → the header in their files. */
  async saveMapping(actor: Actor, communityId: string, kind: ImportKind, columns: Array<{ field: string; header: string }>): Promise<Record<string, string>> {
    await this.permissions.assert(actor, communityId, 'budget.edit', BUDGETS_PERMISSIONS);
    const allowed: readonly string[] = kind === 'LEDGER' ? LEDGER_FIELDS : BUDGET_FIELDS;
    columns.forEach((c, i) => {
      if (!allowed.includes(c.field)) throw new InvalidInputError(`input.columns.${i}.field`, 'errors.budgets.import.unknownField');
    });
    const mapping = Object.fromEntries(columns.map((c) => [c.field, c.header]));
    // A platform admin passes every permission check, so an unknown community surfaces only here.
    await this.transactions.run(async (tx) => {
      if (!(await this.mappings.save(tx, communityId, kind, mapping))) throw new NotFoundError('Community', communityId);
      await this.audit.record(tx, actor.toAudit(), { action: 'budget.import.mapping', entityType: 'ImportMapping', communityId, after: { kind, mapping } });
    });
    return mapping;
  }
}
