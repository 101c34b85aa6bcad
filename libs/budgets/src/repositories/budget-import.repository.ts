import { managerOf, Transaction } from '@ashar/database';
import { ImportKey, NewImport, SqlImportStore } from '@ashar/imports';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { ImportKind, ImportUnit, SideRule } from '../domain/import-rows';
import { BudgetImport } from '../entities/budget-import.entity';

/** What budgets stores with an import besides the pipeline's fields. */
export interface BudgetImportExtra {
  communityId: string;
  /** BUDGET imports: the draft whose lines are replaced. */
  versionId: string | null;
  /** The community's saved column mapping, as it was when the file was uploaded. */
  mapping: Record<string, string>;
  /** The unit the user chose (null: read from the file). */
  unit?: ImportUnit | null;
  /** The unit saved with the community's mapping (used when the file names none). */
  savedUnit?: ImportUnit | null;
  /** Where the side comes from and the file's words for it (null: the side column if any, else the code). */
  side?: SideRule | null;
  /** TREASURY: the as-of date chosen at upload (null: from the file's title). */
  asOf?: string | null;
}

const LIVE = In(['QUEUED', 'RUNNING', 'DONE']);

/**
 * budget_imports for the shared import pipeline: the status machine's SQL comes from SqlImportStore;
 * reads and the insert are budgets' own (its entity, its columns).
 */
@Injectable()
export class BudgetImportRepository extends SqlImportStore<BudgetImport, BudgetImportExtra> {
  constructor(@InjectDataSource() db: DataSource) {
    // 7241003: the advisory-lock namespace budgets' imports have always used.
    super(db, { name: 'budget_imports', targetColumn: 'budget_id', lockNamespace: 7241003, reportColumn: 'report' });
  }

  byId(id: string, tx?: Transaction): Promise<BudgetImport | null> {
    return managerOf(tx, this.db).findOneBy(BudgetImport, { id });
  }

  findLive(tx: Transaction, key: ImportKey): Promise<BudgetImport | null> {
    return managerOf(tx).findOne(BudgetImport, { where: { budgetId: key.targetId, kind: key.kind as ImportKind, fileSha256: key.fileSha256, status: LIVE } });
  }

  async insertIfAbsent(tx: Transaction, row: NewImport, extra: BudgetImportExtra): Promise<BudgetImport | null> {
    const m = managerOf(tx);
    const entity = m.create(BudgetImport, {
      communityId: extra.communityId,
      budgetId: row.targetId,
      versionId: extra.versionId,
      kind: row.kind as ImportKind,
      format: row.format,
      fileName: row.fileName,
      fileSha256: row.fileSha256,
      content: row.content,
      mapping: extra.mapping,
      unit: extra.unit ?? null,
      savedUnit: extra.savedUnit ?? null,
      side: (extra.side ?? null) as never,
      asOf: extra.asOf ?? null,
      status: 'QUEUED',
      progress: 0,
      createdBy: row.createdBy,
      locale: row.locale,
      errors: null,
      finishedAt: null,
    });
    const inserted = await m.createQueryBuilder().insert().into(BudgetImport).values(entity).orIgnore().returning(['id']).execute();
    const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
    if (!id) return null;
    return m.findOneByOrFail(BudgetImport, { id });
  }
}
