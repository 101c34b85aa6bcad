import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { errorReportRows, reportLocale, RowError, sniffFormat, STALE_IMPORT_MS } from '@ashar/imports';
import { translate } from '@ashar/i18n';
import { ConflictError, InvalidInputError, NotFoundError, toCsv, uuidOrNotFound } from '@ashar/kernel';
import { OutboxRelay, OutboxService } from '@ashar/queue';
import { Injectable } from '@nestjs/common';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { perResidentWarnings, plausibilityWarnings, SideTotals, sideTotals } from '../domain/import-preview';
import { BUDGET_FIELDS, BudgetLineRecord, IMPORT_UNITS, ImportKind, ImportReadInfo, ImportUnit, LEDGER_FIELDS, LedgerRecord } from '../domain/import-rows';
import { BudgetImport } from '../entities/budget-import.entity';
import { BUDGET_JOBS } from '../jobs/budget.jobs';
import { ImportMappingRepository } from '../repositories/import-mapping.repository';
import { BudgetImportWriterRepository } from '../repositories/budget-import-writer.repository';
import { BudgetService } from './budget.service';
import { BudgetViewService } from './budget-view.service';
import type { Budget } from '../entities/budget.entity';
import { BUDGET_IMPORT_LIMITS, BudgetImportPipeline } from './budget-import.pipeline';

export const MAX_IMPORT_BYTES = BUDGET_IMPORT_LIMITS.maxBytes;
/** Rows of the file a preview shows as they will be stored. */
export const PREVIEW_ROWS = 20;

export interface StartInput {
  budgetId: string;
  kind: ImportKind;
  fileName: string;
  content: Buffer;
  locale?: string | null;
  /** The unit the amounts are in (null: read from the file's header or title, else som). */
  unit?: ImportUnit | null;
  /** Our field → the header in this file (else the community's saved mapping). */
  columns?: ReadonlyArray<{ field: string; header: string }> | null;
}

export interface ImportPreview {
  format: string;
  encoding: string | null;
  separator: string | null;
  headerLine: number;
  columns: Array<{ field: string; header: string }>;
  unit: ImportUnit;
  unitSource: string;
  sideFrom: string | null;
  lineCount: number;
  revenueTotal: string;
  expenditureTotal: string;
  rows: Array<{ line: number; direction: string | null; kind: string | null; date: string | null; economicCode: string | null; functionalCode: string | null; label: string | null; amount: string }>;
  skipped: Array<{ line: number; reasonKey: string; reason: string }>;
  errors: Array<RowError & { message: string }>;
  errorCount: number;
  warnings: Array<{ messageKey: string; params: Array<{ name: string; value: string }>; message: string }>;
}
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
    private readonly views: BudgetViewService,
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
  async start(actor: Actor, input: StartInput): Promise<BudgetImport> {
    const { budget, versionId, mapping, unit } = await this.settings(actor, input);
    return this.imports.pipeline.start(
      { kind: input.kind, targetId: budget.id, fileName: input.fileName, content: input.content, createdBy: actor.accountId!, locale: input.locale ?? null, extra: { communityId: budget.communityId, versionId, mapping, unit } },
      {
        onCreated: async (tx, row) => {
          await this.outbox.enqueueJob(tx, BUDGET_JOBS.import, { importId: row.id }, `budget-import.${row.id}`);
          await this.audit.record(tx, actor.toAudit(), { action: 'budget.import.start', entityType: 'BudgetImport', entityId: row.id, communityId: budget.communityId, after: { kind: row.kind, fileName: row.fileName, bytes: input.content.length, sha256: row.fileSha256 } });
        },
        afterCreated: () => void this.relay.kick(),
      },
    );
  }

  /**
   * The permission check, the draft a BUDGET import replaces, and the settings it runs with: the unit
   * chosen (else read from the file) and the column mapping given (else the community's saved one).
   */
  private async settings(actor: Actor, input: Omit<StartInput, 'fileName'>) {
    const budget = await this.budgets.budgetById(input.budgetId);
    await this.permissions.assert(actor, budget.communityId, input.kind === 'LEDGER' ? 'budget.recordExecution' : 'budget.edit', BUDGETS_PERMISSIONS);
    if (!input.content.length) throw new InvalidInputError('file', 'errors.budgets.import.empty');
    if (input.unit != null && !IMPORT_UNITS.includes(input.unit)) throw new InvalidInputError('unit', 'errors.validation.invalid');
    let versionId: string | null = null;
    if (input.kind === 'BUDGET') {
      const open = await this.writer.draftOf(budget.id);
      if (!open) throw new ConflictError('errors.budgets.noDraft');
      versionId = open.id;
    }
    const mapping = input.columns ? this.mappingOf(input.kind, input.columns) : ((await this.mappings.mappingOf(budget.communityId, input.kind)) ?? {});
    return { budget, versionId, mapping, unit: input.unit ?? null };
  }

  private mappingOf(kind: ImportKind, columns: ReadonlyArray<{ field: string; header: string }>): Record<string, string> {
    const allowed: readonly string[] = kind === 'LEDGER' ? LEDGER_FIELDS : BUDGET_FIELDS;
    columns.forEach((c, i) => {
      if (!allowed.includes(c.field)) throw new InvalidInputError(`input.columns.${i}.field`, 'errors.budgets.import.unknownField');
    });
    return Object.fromEntries(columns.filter((c) => c.header.trim()).map((c) => [c.field, c.header]));
  }

  /**
   * What an import of this file would store, with nothing written: the pipeline's own read + validate
   * (`inspect`, the code the job runs, so the figures are the ones then stored), how the file was read
   * (encoding, separator, header line, columns, unit), line count and totals per side, the first 20 rows
   * as stored, the rows left out and why, the errors, and a warning when the totals are implausible next
   * to the community's previous budget (a thousandfold unit mistake). Messages in `locale`.
   */
  async preview(actor: Actor, input: Omit<StartInput, 'fileName'>): Promise<ImportPreview> {
    const { budget, versionId, mapping, unit } = await this.settings(actor, input);
    const format = sniffFormat(input.content);
    const rec = { id: '', kind: input.kind, format, budgetId: budget.id, communityId: budget.communityId, versionId, mapping, unit } as unknown as BudgetImport;
    const seen = await this.imports.pipeline.inspect<LedgerRecord | BudgetLineRecord>(rec, input.content);
    const locale = reportLocale(input.locale, null);
    const result = seen.result;
    const info = (result?.info ?? {}) as Partial<ImportReadInfo> & { sideFrom?: string };
    const records = result?.records ?? [];
    const totals = sideTotals(records);
    const reference = records.length ? await this.writer.referenceTotals(budget.id, input.kind) : null;
    const codeOfLine = input.kind === 'LEDGER' ? new Map((await this.writer.latestLines(budget.id)).map((l) => [l.lineKey, l])) : new Map();
    const errors = seen.ok ? [] : seen.errors;
    return {
      format,
      encoding: seen.encoding ?? null,
      separator: seen.separator ?? null,
      headerLine: result?.headerLine ?? 0,
      columns: Object.entries(info.columns ?? {}).map(([field, header]) => ({ field, header })),
      unit: (info.unit ?? unit ?? 'ONE') as ImportUnit,
      unitSource: info.unitSource ?? (unit ? 'CHOSEN' : 'DEFAULT'),
      sideFrom: info.sideFrom ?? null,
      lineCount: records.length,
      revenueTotal: totals.revenue.toString(),
      expenditureTotal: totals.expenditure.toString(),
      rows: records.slice(0, PREVIEW_ROWS).map((r) =>
        'direction' in r
          ? { line: r.line, direction: r.direction, kind: null, date: null, economicCode: r.economicCode, functionalCode: r.functionalCode, label: r.names[locale] ?? r.names.ky ?? r.names.ru ?? r.names.kk ?? r.names.en, amount: r.amount.toString() }
          : { line: r.line, direction: null, kind: r.kind, date: r.date, economicCode: codeOfLine.get(r.lineKey)?.economicCode ?? null, functionalCode: codeOfLine.get(r.lineKey)?.functionalCode ?? null, label: r.purpose ?? r.counterparty, amount: r.amount.toString() },
      ),
      skipped: (result?.skipped ?? []).map((k) => ({ ...k, reason: translate(locale, k.reasonKey) })),
      errors: errors.map((e) => ({ ...e, message: translate(locale, e.messageKey, e.params) })),
      errorCount: seen.ok ? 0 : seen.errorCount,
      warnings: [...plausibilityWarnings(totals, reference && { revenue: reference.revenue, expenditure: reference.expenditure }), ...(await this.neighbourWarnings(budget, input.kind, totals))].map((w) => ({ messageKey: w.key, params: Object.entries(w.params).map(([name, value]) => ({ name, value: String(value) })), message: translate(locale, w.key, w.params) })),
    };
  }

  /** Budget lines only (a ledger may be a month): the per-resident total against the neighbours' (same raion, same year). */
  private async neighbourWarnings(budget: Budget, kind: ImportKind, totals: SideTotals) {
    if (kind !== 'BUDGET' || !budget.population || totals.revenue + totals.expenditure === 0n) return [];
    const neighbours = (await this.views.neighbours(budget)).filter((n) => !n.isSelf && n.communityId !== budget.communityId);
    return perResidentWarnings(totals, budget.population, neighbours);
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
    const mapping = this.mappingOf(kind, columns);
    // A platform admin passes every permission check, so an unknown community surfaces only here.
    await this.transactions.run(async (tx) => {
      if (!(await this.mappings.save(tx, communityId, kind, mapping))) throw new NotFoundError('Community', communityId);
      await this.audit.record(tx, actor.toAudit(), { action: 'budget.import.mapping', entityType: 'ImportMapping', communityId, after: { kind, mapping } });
    });
    return mapping;
  }
}
