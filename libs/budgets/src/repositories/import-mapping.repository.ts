import { managerOf, pgErrorCode, PG_FOREIGN_KEY_VIOLATION, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ImportKind, ImportUnit, SideRule } from '../domain/import-rows';
import { ImportMapping } from '../entities/import-mapping.entity';

/** A community's saved column mapping per kind of file. */
@Injectable()
export class ImportMappingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async mappingOf(communityId: string, kind: ImportKind): Promise<Record<string, string> | null> {
    return (await this.savedOf(communityId, kind))?.mapping ?? null;
  }

  /** The saved columns, side rule and unit, or null. */
  async savedOf(communityId: string, kind: ImportKind): Promise<{ mapping: Record<string, string>; side: SideRule | null; unit: ImportUnit | null } | null> {
    const m = await this.db.getRepository(ImportMapping).findOneBy({ communityId, kind });
    return m ? { mapping: m.mapping, side: m.side ?? null, unit: m.unit ?? null } : null;
  }

  /** Insert or replace; false when the community does not exist (its foreign key). A null unit keeps the unit saved before. */
  async save(tx: Transaction, communityId: string, kind: ImportKind, mapping: Record<string, string>, side: SideRule | null = null, unit: ImportUnit | null = null): Promise<boolean> {
    try {
      const update = unit ? ['mapping', 'side', 'unit', 'updated_at'] : ['mapping', 'side', 'updated_at'];
      await managerOf(tx).createQueryBuilder().insert().into(ImportMapping).values({ communityId, kind, mapping, side: side as never, unit }).orUpdate(update, ['community_id', 'kind']).execute();
      return true;
    } catch (e) {
      if (pgErrorCode(e) === PG_FOREIGN_KEY_VIOLATION) return false;
      throw e;
    }
  }
}
