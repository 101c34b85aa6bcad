import { AuditService } from '@ashar/audit';
import { Transaction, TransactionRunner } from '@ashar/database';
import { DEFAULT_IMPORT_LIMITS, ImportDefinition, ImportLimits, ImportOutcome, ImportPipeline, Inspection } from '@ashar/imports';
import type { RowSchema } from '@ashar/imports/pure';
import { CommunityService, TerritoryService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { isTotalsRow, BUDGET_IMPORT_MESSAGES, BUDGET_ROW_SCHEMA, BudgetLineRecord, BudgetLinesContext, LEDGER_ROW_SCHEMA, LedgerContext, LedgerRecord, TREASURY_ROW_SCHEMA, TreasuryContext, TreasuryRecord } from '../domain/import-rows';
import { groupCodes } from '../domain/treasury';
import { TreasurySnapshotsRepository } from '../repositories/treasury-snapshots.repository';
import { BudgetImport } from '../entities/budget-import.entity';
import { BudgetImportExtra, BudgetImportRepository } from '../repositories/budget-import.repository';
import { BudgetImportWriterRepository, lineCodesKey } from '../repositories/budget-import-writer.repository';

/** Budgets' import limits: the pipeline's defaults (30 MB, 200,000 rows, 100 columns, 4,000,000 cells). */
export const BUDGET_IMPORT_LIMITS: ImportLimits = DEFAULT_IMPORT_LIMITS;

export type BudgetImportPipelineT = ImportPipeline<BudgetImport, BudgetImportExtra>;

/**
 * Budgets on the shared import pipeline: two kinds of file, each a row schema (domain/import-rows.ts)
 * and a writer. LEDGER adds spending/receipt records to the budget; BUDGET replaces the lines of the
 * open draft, keeping each line's key when the file has a line with the same side and codes (so the
 * spending already recorded against it is not orphaned). Used by the API (start, look up) and the worker (run).
 */
@Injectable()
export class BudgetImportPipeline {
  readonly pipeline: BudgetImportPipelineT;
  private readonly definitions: ReadonlyArray<ImportDefinition<BudgetImport, LedgerRecord, LedgerContext> | ImportDefinition<BudgetImport, BudgetLineRecord, BudgetLinesContext> | ImportDefinition<BudgetImport, TreasuryRecord, TreasuryContext>>;

  constructor(
    readonly store: BudgetImportRepository,
    private readonly writer: BudgetImportWriterRepository,
    transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly communities: CommunityService,
    private readonly territory: TerritoryService,
    private readonly snapshots: TreasurySnapshotsRepository,
  ) {
    this.definitions = [this.ledger(), this.lines(), this.treasury()];
    this.pipeline = new ImportPipeline<BudgetImport, BudgetImportExtra>({
      store,
      transactions,
      messagePrefix: BUDGET_IMPORT_MESSAGES,
      limits: BUDGET_IMPORT_LIMITS,
      definitions: this.definitions,
    });
  }

  run(importId: string, onProgress?: (pct: number) => Promise<void>): Promise<ImportOutcome> {
    return this.pipeline.run(importId, onProgress);
  }

  /**
   * The pipeline's `inspect` (read + prepare + validate, nothing written) that also gives the header
   * row it used and the first data row below it (what a preview shows per column), also when the
   * header lacks a required column. The schema is the same one; only its header lookup is watched.
   */
  async inspectWithHeader<R>(rec: BudgetImport, content: Buffer): Promise<{ seen: Inspection<R>; header: string[] | null; sample: string[] | null }> {
    const def = this.definitions.find((d) => d.kind === rec.kind);
    if (!def) throw new Error(`no import definition for kind ${rec.kind}`);
    let header: string[] | null = null;
    let sample: string[] | null = null;
    const schema = def.schema as RowSchema<R, unknown>;
    const watched: ImportDefinition<BudgetImport, R, unknown> = {
      ...(def as unknown as ImportDefinition<BudgetImport, R, unknown>),
      schema: {
        bind: (h, ctx, above) => schema.bind(h, ctx, above),
        headerIndex: (rows, ctx) => {
          const found = schema.headerIndex?.(rows, ctx) ?? 0;
          const h = Math.max(0, Math.min(rows.length - 1, found));
          header = rows[h]?.cells ?? null;
          // The first of the rows below with the most cells filled (a heading such as ";ДОХОДЫ;" is not a sample).
          const below = rows.slice(h + 1, h + 50).filter((r) => !isTotalsRow(r.cells));
          const filled = (r: { cells: string[] }) => r.cells.filter((c) => c.trim()).length;
          const most = Math.max(0, ...below.map(filled));
          sample = most ? (below.find((r) => filled(r) === most)?.cells ?? null) : null;
          return found;
        },
      },
    };
    const seen = await this.pipeline.inspect<R>(rec, content, watched as never);
    return { seen, header, sample };
  }

  abandon(importId: string): Promise<boolean> {
    return this.pipeline.abandon(importId);
  }

  private async fiscalYear(budgetId: string): Promise<number> {
    const b = await this.writer.budgetOf(budgetId);
    if (!b) throw new Error(`budget ${budgetId} not found`);
    return b.fiscalYear;
  }

  /** The country whose classification a community's budget uses, through territory's services. */
  /** The community's classification as the row checks read it: both code sets and each economic code's side. */
  private async classificationOf(communityId: string) {
    const codes = await this.writer.classificationCodes(await this.countryOf(communityId));
    return {
      economicCodes: new Set(codes.filter((c) => c.scheme === 'ECONOMIC').map((c) => c.code)),
      functionalCodes: new Set(codes.filter((c) => c.scheme === 'FUNCTIONAL').map((c) => c.code)),
      sides: new Map(codes.filter((c) => c.scheme === 'ECONOMIC' && c.direction).map((c) => [c.code, c.direction!])),
    };
  }

  private async countryOf(communityId: string): Promise<string> {
    const c = await this.communities.byId(communityId);
    const [unit] = await this.territory.byIds([c.unitId]);
    if (!unit) throw new Error(`unit of community ${communityId} not found`);
    return unit.country;
  }

  private auditActor(imp: BudgetImport) {
    return { accountId: imp.createdBy, onBehalfOf: null };
  }

  private ledger(): ImportDefinition<BudgetImport, LedgerRecord, LedgerContext> {
    return {
      kind: 'LEDGER',
      schema: LEDGER_ROW_SCHEMA,
      lockKey: (imp) => `budget:${imp.budgetId}`,
      prepare: async (imp) => ({ fiscalYear: await this.fiscalYear(imp.budgetId), lines: await this.writer.latestLines(imp.budgetId), mapping: imp.mapping, unit: imp.unit, savedUnit: imp.savedUnit, side: imp.side ?? null }),
      write: async (tx: Transaction, recs, imp, progress) => {
        await this.writer.insertLedger(tx, imp.budgetId, imp.id, imp.createdBy, recs, (n) => progress(n, recs.length));
        await this.audit.record(tx, this.auditActor(imp), { action: 'budget.import.ledger', entityType: 'BudgetImport', entityId: imp.id, communityId: imp.communityId, after: { rows: recs.length, fileSha256: imp.fileSha256 } });
      },
    };
  }

  private lines(): ImportDefinition<BudgetImport, BudgetLineRecord, BudgetLinesContext> {
    return {
      kind: 'BUDGET',
      schema: BUDGET_ROW_SCHEMA,
      lockKey: (imp) => `budget:${imp.budgetId}`,
      prepare: async (imp) => {
        return {
          ...(await this.classificationOf(imp.communityId)),
          mapping: imp.mapping,
          unit: imp.unit,
          savedUnit: imp.savedUnit,
          side: imp.side ?? null,
        };
      },
      write: async (tx, recs, imp, progress) => {
        const v = await this.writer.lockVersion(tx, imp.versionId!);
        if (!v || v.status !== 'DRAFT') throw new Error('the target version is no longer a draft');
        // Each existing key is reused at most once, in order.
        const keys = await this.writer.lineKeysByCodes(tx, v.id);
        const keyed = recs.map((r) => ({ ...r, lineKey: keys.get(lineCodesKey(r))?.shift() ?? randomUUID() }));
        await this.writer.replaceLines(tx, v, keyed, imp.createdBy, imp.id, (n) => progress(n, recs.length));
        await this.audit.record(tx, this.auditActor(imp), { action: 'budget.import.lines', entityType: 'BudgetImport', entityId: imp.id, communityId: imp.communityId, after: { versionId: v.id, lines: recs.length } });
      },
    };
  }

  /**
   * The treasury's execution report: stored as the budget's snapshot for its as-of date (a later file for
   * the same date replaces it), beside the payment records and never added to them.
   */
  private treasury(): ImportDefinition<BudgetImport, TreasuryRecord, TreasuryContext> {
    return {
      kind: 'TREASURY',
      schema: TREASURY_ROW_SCHEMA,
      lockKey: (imp) => `budget:${imp.budgetId}`,
      prepare: async (imp) => {
        return {
          fiscalYear: await this.fiscalYear(imp.budgetId),
          lines: await this.writer.latestLines(imp.budgetId),
          ...(await this.classificationOf(imp.communityId)),
          mapping: imp.mapping,
          unit: imp.unit,
          savedUnit: imp.savedUnit,
          asOf: imp.asOf ?? null,
        };
      },
      write: async (tx, recs, imp, progress) => {
        // A report with no data rows says nothing: no snapshot (an empty one would read as "nothing executed").
        if (!recs.length) return;
        const asOf = recs[0].asOf;
        const snapshotId = await this.snapshots.replace(tx, imp.budgetId, imp.id, imp.createdBy, asOf, recs, groupCodes(recs), (n) => progress(n, recs.length));
        await this.audit.record(tx, this.auditActor(imp), { action: 'budget.import.treasury', entityType: 'BudgetImport', entityId: imp.id, communityId: imp.communityId, after: { snapshotId, asOf, lines: recs.length } });
      },
    };
  }
}
