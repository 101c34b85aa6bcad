import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PaperEntry, PaperSheet, PaperSheetStatus } from '../entities/paper-sheet.entity';

/** `pb_paper_sheets` and `pb_paper_entries`. */
@Injectable()
export class PaperBallotsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The sheet, created when first entered, and locked for this transaction (entries of one sheet go one at a time). */
  async lockSheet(tx: Transaction, processId: string, sheetCode: string): Promise<PaperSheet> {
    const m = managerOf(tx, this.db);
    await m.query(`INSERT INTO pb_paper_sheets (process_id, sheet_code) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [processId, sheetCode]);
    return (await m.getRepository(PaperSheet).createQueryBuilder('s').setLock('pessimistic_write').where('s.process_id = :processId AND s.sheet_code = :sheetCode', { processId, sheetCode }).getOne())!;
  }

  entriesOf(tx: Transaction, processId: string, sheetCode: string): Promise<PaperEntry[]> {
    return managerOf(tx, this.db).getRepository(PaperEntry).find({ where: { processId, sheetCode }, order: { createdAt: 'ASC' } });
  }

  byClientRequest(tx: Transaction, processId: string, clientRequestId: string): Promise<PaperEntry | null> {
    return managerOf(tx, this.db).getRepository(PaperEntry).findOneBy({ processId, clientRequestId });
  }

  async insertEntry(tx: Transaction, values: Partial<PaperEntry>): Promise<PaperEntry> {
    const repo = managerOf(tx, this.db).getRepository(PaperEntry);
    const row = repo.create(values);
    await repo.insert(row);
    return row;
  }

  async setStatus(tx: Transaction, processId: string, sheetCode: string, status: PaperSheetStatus): Promise<void> {
    await managerOf(tx, this.db).getRepository(PaperSheet).update({ processId, sheetCode }, { status });
  }

  async sheetsOf(processId: string, status?: PaperSheetStatus): Promise<PaperSheet[]> {
    return managerOf(undefined, this.db).getRepository(PaperSheet).find({ where: { processId, ...(status ? { status } : {}) }, order: { sheetCode: 'ASC' } });
  }

  async entriesOfSheets(processId: string, sheetCodes: readonly string[]): Promise<PaperEntry[]> {
    if (!sheetCodes.length) return [];
    return managerOf(undefined, this.db).getRepository(PaperEntry).createQueryBuilder('e').where('e.process_id = :processId AND e.sheet_code IN (:...codes)', { processId, codes: [...sheetCodes] }).orderBy('e.created_at', 'ASC').getMany();
  }
}
