import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BudgetLine } from '../entities/budget-line.entity';

/** What budgets' thread policies read from budgets' own tables (the messages themselves are in libs/threads). */
@Injectable()
export class BudgetThreadsQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Whether the version has a line with this key (a hearing comment may be about one of its lines). */
  async versionHasLine(versionId: string, lineKey: string): Promise<boolean> {
    return this.db.getRepository(BudgetLine).existsBy({ versionId, lineKey });
  }
}
