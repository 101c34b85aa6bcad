import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { errorReportRows, reportLocale, RowError, safeFileName, sniffFormat, STALE_IMPORT_MS } from '@ashar/imports';
import { translate } from '@ashar/i18n';
import { ConflictError, InvalidInputError, isIsoDate, NotFoundError, toCsv, uuidOrNotFound } from '@ashar/kernel';
import { OutboxRelay, OutboxService } from '@ashar/queue';
import { Injectable } from '@nestjs/common';
import { createHash } from 'crypto';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { perResidentWarnings, plausibilityWarnings, SideTotals, sideTotals } from '../domain/import-preview';
import { BudgetLineRecord, cleanSideRule, fieldsOf, IMPORT_UNITS, ImportKind, ImportReadInfo, ImportUnit, LedgerRecord, REQUIRED_FIELDS, resolveColumns, SIDE_SOURCES, SideRule, TreasuryRecord } from '../domain/import-rows';
import { groupCodes, snapshotTotals } from '../domain/treasury';
import { BudgetImport } from '../entities/budget-import.entity';
import { BUDGET_JOBS } from '../jobs/budget.jobs';
import { ImportMappingRepository } from '../repositories/import-mapping.repository';
import { BudgetImportUploadRepository } from '../repositories/budget-import-upload.repository';
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
  /** Our field → the header in this file (else the community's saved mapping); a null or empty header: the field has no column. */
  columns?: ReadonlyArray<{ field: string; header?: string | null }> | null;
  /** Where the side comes from and the file's words for it (else, with no columns given, the community's saved rule). */
  side?: SideRule | null;
  /** TREASURY: the report's as-of date (YYYY-MM-DD; null: read from the file's title). */
  asOf?: string | null;
}

/** A stored upload previewed or imported again with these settings. */
export interface UploadSettings {
  uploadId: string;
  unit?: ImportUnit | null;
  columns?: ReadonlyArray<{ field: string; header?: string | null }> | null;
  side?: SideRule | null;
  locale?: string | null;
  asOf?: string | null;
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
  /** Every column of the file's header row: its header, the field it is read as (null: left out) and the first data row's cell. */
  fileColumns: Array<{ index: number; header: string; field: string | null; sample: string | null }>;
  /** The fields of this kind of file, and whether a file must have them. */
  fields: Array<{ field: string; required: boolean }>;
  /** The side rule asked for (the person's or the saved one). */
  side: { from: string | null; revenue: string | null; expenditure: string | null };
  /** Where the columns came from: GIVEN (this request), SAVED (the community's mapping) or NONE (found by name). */
  mappingSource: 'GIVEN' | 'SAVED' | 'NONE';
  /** TREASURY: the report's as-of date and where it came from (CHOSEN or TITLE); null for other kinds or when not found. */
  asOf: string | null;
  asOfSource: string | null;
  /** TREASURY: the report's totals per side over the codes that are not groups (null for other kinds). */
  treasuryTotals: { revenueApprovedPlan: string | null; revenueRevisedPlan: string | null; expenditureApprovedPlan: string | null; expenditureRevisedPlan: string | null; groupRows: number } | null;
  /** The stored upload previewed (null: a file sent with the preview itself). */
  uploadId: string | null;
  fileName: string | null;
}
export { STALE_IMPORT_MS };

/** Who may import a kind of file: a ledger and a treasury report are execution, budget lines are editing. */
function permissionOf(kind: ImportKind): 'budget.recordExecution' | 'budget.edit' {
  return kind === 'BUDGET' ? 'budget.edit' : 'budget.recordExecution';
}

/** JSON with sorted keys, for comparing settings. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** Whether an import runs with these settings (unit, columns, side). */
function sameSettings(imp: BudgetImport, s: { mapping: Record<string, string>; unit: ImportUnit | null; side: SideRule | null; asOf: string | null }): boolean {
  return (imp.unit ?? null) === (s.unit ?? null) && (imp.asOf ?? null) === (s.asOf ?? null) && canonical(imp.mapping ?? {}) === canonical(s.mapping) && canonical(imp.side ?? null) === canonical(s.side ?? null);
}

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
    private readonly uploads: BudgetImportUploadRepository,
  ) {}

  /** The permission check of `start`, on its own: the HTTP upload runs it before reading the body. */
  async assertMayImport(actor: Actor, budgetId: string, kind: ImportKind): Promise<void> {
    const budget = await this.budgets.budgetById(budgetId);
    await this.permissions.assert(actor, budget.communityId, permissionOf(kind), BUDGETS_PERMISSIONS);
  }

  /**
   * Stores the file and enqueues the job in one transaction. The same file for the same budget is
   * one import: uploading it again returns the existing import instead of importing twice.
   */
  async start(actor: Actor, input: StartInput): Promise<BudgetImport> {
    const { budget, versionId, mapping, unit, side, savedUnit, asOf } = await this.settings(actor, input);
    return this.imports.pipeline.start(
      { kind: input.kind, targetId: budget.id, fileName: input.fileName, content: input.content, createdBy: actor.accountId!, locale: input.locale ?? null, extra: { communityId: budget.communityId, versionId, mapping, unit, side, savedUnit, asOf } },
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
    await this.permissions.assert(actor, budget.communityId, permissionOf(input.kind), BUDGETS_PERMISSIONS);
    if (!input.content.length) throw new InvalidInputError('file', 'errors.budgets.import.empty');
    if (input.unit != null && !IMPORT_UNITS.includes(input.unit)) throw new InvalidInputError('unit', 'errors.validation.invalid');
    // The as-of date of a treasury report: a real date in the fiscal year (1 January of the next year: the whole year).
    const asOf = input.kind === 'TREASURY' ? (input.asOf ?? null) : null;
    if (input.asOf != null && input.kind !== 'TREASURY') throw new InvalidInputError('input.asOf', 'errors.validation.invalid');
    if (asOf !== null && (!isIsoDate(asOf) || asOf < `${budget.fiscalYear}-01-01` || asOf > `${budget.fiscalYear + 1}-01-01`)) throw new InvalidInputError('input.asOf', isIsoDate(asOf) ? 'errors.budgets.import.asOfOutsideFiscalYear' : 'errors.validation.date');
    let versionId: string | null = null;
    if (input.kind === 'BUDGET') {
      const open = await this.writer.draftOf(budget.id);
      if (!open) throw new ConflictError('errors.budgets.noDraft');
      versionId = open.id;
    }
    const side = this.sideOf(input.side);
    const saved = await this.mappings.savedOf(budget.communityId, input.kind);
    // The unit saved with the mapping is the community's habit: it applies whatever columns are given, when the file names no unit.
    const savedUnit = saved?.unit ?? null;
    if (input.columns) return { budget, versionId, mapping: this.mappingOf(input.kind, input.columns), unit: input.unit ?? null, side, savedUnit, asOf, mappingSource: 'GIVEN' as const };
    // A saved "from the side column" is a preference: a file of the community without that column takes the side from its codes.
    const savedSide = saved?.side ? cleanSideRule({ ...saved.side, from: saved.side.from === 'COLUMN' ? null : saved.side.from }) : null;
    return { budget, versionId, mapping: saved?.mapping ?? {}, unit: input.unit ?? null, side: input.side !== undefined && input.side !== null ? side : savedSide, savedUnit, asOf, mappingSource: saved ? ('SAVED' as const) : ('NONE' as const) };
  }

  /** Our field → header, checked: known fields only, each once; a null or empty header is kept as '' (no column). */
  private mappingOf(kind: ImportKind, columns: ReadonlyArray<{ field: string; header?: string | null }>, path = 'input.columns'): Record<string, string> {
    const allowed: readonly string[] = fieldsOf(kind);
    const seen = new Set<string>();
    columns.forEach((c, i) => {
      if (!allowed.includes(c.field)) throw new InvalidInputError(`${path}.${i}.field`, 'errors.budgets.import.unknownField');
      if (seen.has(c.field)) throw new InvalidInputError(`${path}.${i}.field`, 'errors.budgets.import.fieldTwice');
      seen.add(c.field);
    });
    const headers = new Map<string, number>();
    columns.forEach((c, i) => {
      const h = (c.header ?? '').trim().toLocaleLowerCase();
      if (!h) return;
      if (headers.has(h)) throw new InvalidInputError(`${path}.${i}.header`, 'errors.budgets.import.columnTwice');
      headers.set(h, i);
    });
    return Object.fromEntries(columns.map((c) => [c.field, (c.header ?? '').trim()]));
  }

  private sideOf(side: SideRule | null | undefined, path = 'input.side'): SideRule | null {
    if (side?.from != null && !(SIDE_SOURCES as readonly string[]).includes(side.from)) throw new InvalidInputError(`${path}.from`, 'errors.validation.invalid');
    return cleanSideRule(side);
  }

  /**
   * What an import of this file would store, with nothing written: the pipeline's own read + validate
   * (`inspect`, the code the job runs, so the figures are the ones then stored), how the file was read
   * (encoding, separator, header line, columns, unit), line count and totals per side, the first 20 rows
   * as stored, the rows left out and why, the errors, and a warning when the totals are implausible next
   * to the community's previous budget (a thousandfold unit mistake). Messages in `locale`.
   */
  async preview(actor: Actor, input: Omit<StartInput, 'fileName'> & { fileName?: string | null }, uploadId: string | null = null): Promise<ImportPreview> {
    const { budget, versionId, mapping, unit, side, savedUnit, asOf, mappingSource } = await this.settings(actor, input);
    const format = sniffFormat(input.content);
    const rec = { id: '', kind: input.kind, format, budgetId: budget.id, communityId: budget.communityId, versionId, mapping, unit, savedUnit, side, asOf } as unknown as BudgetImport;
    const { seen, header, sample } = await this.imports.inspectWithHeader<LedgerRecord | BudgetLineRecord | TreasuryRecord>(rec, input.content);
    const locale = reportLocale(input.locale, null);
    const result = seen.result;
    const info = (result?.info ?? {}) as Partial<ImportReadInfo> & { sideFrom?: string; asOf?: string; asOfSource?: string };
    const records = result?.records ?? [];
    const treasury = input.kind === 'TREASURY' ? this.treasuryFigures(records as TreasuryRecord[]) : null;
    const totals = treasury ? { revenue: treasury.totals.REVENUE.actual, expenditure: treasury.totals.EXPENDITURE.actual } : sideTotals(records as Array<LedgerRecord | BudgetLineRecord>);
    // A treasury report's actuals are compared with the budget's plan, as a ledger's are.
    const reference = records.length ? await this.writer.referenceTotals(budget.id, input.kind === 'BUDGET' ? 'BUDGET' : 'LEDGER') : null;
    const codeOfLine = input.kind === 'LEDGER' ? new Map((await this.writer.latestLines(budget.id)).map((l) => [l.lineKey, l])) : new Map();
    const errors = seen.ok ? [] : seen.errors;
    const required = [...REQUIRED_FIELDS[input.kind], ...(side?.from === 'COLUMN' && input.kind !== 'TREASURY' ? [input.kind === 'LEDGER' ? 'kind' : 'direction'] : [])];
    const taken = header ? resolveColumns(input.kind, header, mapping, required).index : new Map<string, number>();
    const fieldAt = new Map([...taken].map(([f, i]) => [i, f]));
    return {
      uploadId,
      fileName: input.fileName ?? null,
      mappingSource,
      side: { from: side?.from ?? null, revenue: side?.revenue ?? null, expenditure: side?.expenditure ?? null },
      fields: fieldsOf(input.kind).map((field) => ({ field, required: required.includes(field) })),
      asOf: info.asOf ?? null,
      asOfSource: info.asOfSource ?? null,
      treasuryTotals: treasury && {
        revenueApprovedPlan: treasury.totals.REVENUE.approvedPlan?.toString() ?? null,
        revenueRevisedPlan: treasury.totals.REVENUE.revisedPlan?.toString() ?? null,
        expenditureApprovedPlan: treasury.totals.EXPENDITURE.approvedPlan?.toString() ?? null,
        expenditureRevisedPlan: treasury.totals.EXPENDITURE.revisedPlan?.toString() ?? null,
        groupRows: treasury.groups,
      },
      fileColumns: (header ?? []).map((h, index) => ({ index, header: h, field: fieldAt.get(index) ?? null, sample: sample?.[index]?.trim() || null })),
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
        'asOf' in r
          ? { line: r.line, direction: r.direction, kind: null, date: r.asOf, economicCode: r.economicCode, functionalCode: r.functionalCode, label: r.names[locale] ?? r.names.ky ?? r.names.ru ?? r.names.kk ?? r.names.en, amount: r.amount.toString() }
          : 'direction' in r
          ? { line: r.line, direction: r.direction, kind: null, date: null, economicCode: r.economicCode, functionalCode: r.functionalCode, label: r.names[locale] ?? r.names.ky ?? r.names.ru ?? r.names.kk ?? r.names.en, amount: r.amount.toString() }
          : { line: r.line, direction: null, kind: r.kind, date: r.date, economicCode: codeOfLine.get(r.lineKey)?.economicCode ?? null, functionalCode: codeOfLine.get(r.lineKey)?.functionalCode ?? null, label: r.purpose ?? r.counterparty, amount: r.amount.toString() },
      ),
      skipped: (result?.skipped ?? []).map((k) => ({ ...k, reason: translate(locale, k.reasonKey) })),
      errors: errors.map((e) => ({ ...e, message: translate(locale, e.messageKey, e.params) })),
      errorCount: seen.ok ? 0 : seen.errorCount,
      warnings: [...plausibilityWarnings(totals, reference && { revenue: reference.revenue, expenditure: reference.expenditure }), ...(await this.neighbourWarnings(budget, input.kind, totals))].map((w) => ({ messageKey: w.key, params: Object.entries(w.params).map(([name, value]) => ({ name, value: String(value) })), message: translate(locale, w.key, w.params) })),
    };
  }

  /** A treasury report's totals as they will be stored: the codes that are not groups (a group repeats its children). */
  private treasuryFigures(records: readonly TreasuryRecord[]) {
    const groups = groupCodes(records);
    const totals = snapshotTotals({ lines: records.map((r, i) => ({ ...r, isGroup: groups.has(i), cumulativeActual: r.amount })) });
    return { totals, groups: groups.size };
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

  /**
   * The community's column mapping: our field → the header in their files, where the side comes from, and
   * the unit their files are in (a null unit keeps the one saved before).
   */
  async saveMapping(actor: Actor, communityId: string, kind: ImportKind, columns: ReadonlyArray<{ field: string; header?: string | null }>, sideRule?: SideRule | null, unit?: ImportUnit | null): Promise<Record<string, string>> {
    await this.permissions.assert(actor, communityId, 'budget.edit', BUDGETS_PERMISSIONS);
    const mapping = this.mappingOf(kind, columns);
    const side = this.sideOf(sideRule);
    if (unit != null && !IMPORT_UNITS.includes(unit)) throw new InvalidInputError('input.unit', 'errors.validation.invalid');
    // A platform admin passes every permission check, so an unknown community surfaces only here.
    await this.transactions.run(async (tx) => {
      if (!(await this.mappings.save(tx, communityId, kind, mapping, side, unit ?? null))) throw new NotFoundError('Community', communityId);
      await this.audit.record(tx, actor.toAudit(), { action: 'budget.import.mapping', entityType: 'ImportMapping', communityId, after: { kind, mapping, side, unit: unit ?? null } });
    });
    return mapping;
  }

  /**
   * Stores an uploaded file to be previewed (and imported on confirm without sending it again), and
   * answers its preview with the settings given (else the community's saved ones). The permission is
   * checked before (by the controller, before the body is read) and again here.
   */
  async stage(actor: Actor, input: Omit<StartInput, 'columns' | 'side'>): Promise<ImportPreview> {
    const budget = await this.budgets.budgetById(input.budgetId);
    await this.assertMayImport(actor, budget.id, input.kind);
    if (!input.content.length) throw new InvalidInputError('file', 'errors.budgets.import.empty');
    if (input.content.length > MAX_IMPORT_BYTES) throw new InvalidInputError('file', 'errors.budgets.import.tooLarge', undefined, { max: Math.round(MAX_IMPORT_BYTES / 1024 / 1024) });
    // Stored while it is previewed (two cores: the 100k-row ledger's store and read overlap).
    const stored = this.uploads.insert({
      communityId: budget.communityId,
      budgetId: budget.id,
      kind: input.kind,
      fileName: safeFileName(input.fileName),
      fileSha256: createHash('sha256').update(input.content).digest('hex'),
      content: input.content,
      createdBy: actor.accountId!,
      locale: input.locale ?? null,
    });
    const [upload, preview] = await Promise.all([stored, this.preview(actor, { ...input, fileName: safeFileName(input.fileName) })]);
    return { ...preview, uploadId: upload.id };
  }

  /** A stored upload the caller may import (the same check as an import of its kind into its budget); NOT_FOUND when unknown or expired. */
  private async upload(actor: Actor, uploadId: string) {
    const u = await this.uploads.withContent(uuidOrNotFound('BudgetImportUpload', uploadId));
    if (!u) throw new NotFoundError('BudgetImportUpload', uploadId);
    await this.assertMayImport(actor, u.budgetId, u.kind);
    return u;
  }

  /** The preview of a stored upload again, with other settings (columns, side, unit). */
  async previewUpload(actor: Actor, s: UploadSettings): Promise<ImportPreview> {
    const u = await this.upload(actor, s.uploadId);
    return this.preview(actor, { budgetId: u.budgetId, kind: u.kind, fileName: u.fileName, content: u.content, locale: s.locale ?? u.locale, unit: s.unit ?? null, columns: s.columns ?? null, side: s.side ?? null, asOf: s.asOf ?? null }, u.id);
  }

  /**
   * Imports a stored upload with exactly the settings of its last preview (the client sends them again:
   * unit, columns, side); with `saveMapping` the columns and side become the community's saved mapping
   * for this kind of file. The same file twice is one import, as with any upload.
   */
  async confirmUpload(actor: Actor, s: UploadSettings & { saveMapping?: boolean | null }): Promise<BudgetImport> {
    const u = await this.upload(actor, s.uploadId);
    const input = { budgetId: u.budgetId, kind: u.kind, content: u.content, locale: s.locale ?? u.locale, unit: s.unit ?? null, columns: s.columns ?? null, side: s.side ?? null, asOf: s.asOf ?? null };
    const wanted = await this.settings(actor, input);
    const imp = await this.start(actor, { ...input, fileName: u.fileName });
    // The same file is one import: one already made with other settings is not run again with these, and the person is told so.
    if (!sameSettings(imp, wanted)) throw new ConflictError('errors.budgets.import.sameFileOtherSettings', 'This file was imported before with other settings', { importId: imp.id, status: imp.status });
    if (s.saveMapping !== false && s.columns) await this.saveMapping(actor, u.communityId, u.kind, s.columns, s.side ?? null, s.unit ?? null);
    return imp;
  }
}
