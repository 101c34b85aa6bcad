import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { territoryServicesOn } from '@ashar/territory';
import { DataSource } from 'typeorm';
import { BudgetImportRepository } from '../repositories/budget-import.repository';
import { BudgetImportWriterRepository } from '../repositories/budget-import-writer.repository';
import { TreasurySnapshotsRepository } from '../repositories/treasury-snapshots.repository';
import { BudgetImportPipeline } from '../services/budget-import.pipeline';

/** Budgets' import pipeline over a bare DataSource (no Nest): what a worker runs, for tests that run imports by hand. */
export function budgetImportPipeline(ds: DataSource, audit = new AuditService()): BudgetImportPipeline {
  const { communities, territory } = territoryServicesOn(ds);
  return new BudgetImportPipeline(new BudgetImportRepository(ds), new BudgetImportWriterRepository(ds), new TransactionRunner(ds), audit, communities, territory, new TreasurySnapshotsRepository(ds));
}

export function runImport(ds: DataSource, audit: AuditService, importId: string, onProgress?: (pct: number) => Promise<void>) {
  return budgetImportPipeline(ds, audit).run(importId, onProgress);
}
