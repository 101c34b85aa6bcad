import { managerOf, pgErrorCode, PG_FOREIGN_KEY_VIOLATION, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ImportKind } from '../domain/import-rows';
import { ImportMapping } from '../entities/import-mapping.entity';

/** A community's saved column mapping per kind of file. */
@Injectable()
export class ImportMappingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async mappingOf(communityId: string, kind: ImportKind): Promise<Record<string, string> | null> {
    return (await this.db.getRepository(ImportMapping).findOneBy({ communityId, kind }))?.mapping ?? null;
  }

  /** Insert or replace; false when the community does not exist (its foreign key). */
  async save(tx: Transaction, communityId: string, kind: ImportKind, mapping: Record<string, string>): Promise<boolean> {
    try {
      await managerOf(tx).createQueryBuilder().insert().into(ImportMapping).values({ communityId, kind, mapping }).orUpdate(['mapping', 'updated_at'], ['community_id', 'kind']).execute();
      return true;
    } catch (e) {
      if (pgErrorCode(e) === PG_FOREIGN_KEY_VIOLATION) return false;
      throw e;
    }
  }
}
