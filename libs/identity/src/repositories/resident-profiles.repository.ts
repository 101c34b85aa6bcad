import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { managerOf, Transaction } from '@ashar/database';
import { DataSource, In } from 'typeorm';
import { ResidentProfile } from '../entities/resident-profile.entity';

/** Statements on `resident_profiles`. */
@Injectable()
export class ResidentProfilesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(tx: Transaction, row: Pick<ResidentProfile, 'accountId' | 'villageUnitId' | 'birthYear' | 'gender'>): Promise<void> {
    await managerOf(tx).insert(ResidentProfile, row);
  }

  ofAccounts(accountIds: readonly string[]): Promise<ResidentProfile[]> {
    return this.db.getRepository(ResidentProfile).findBy({ accountId: In([...accountIds]) });
  }

  ofAccount(tx: Transaction, accountId: string): Promise<ResidentProfile | null> {
    return managerOf(tx).getRepository(ResidentProfile).findOne({ where: { accountId } });
  }

  /** Inserts or updates the profile (keyed by account). */
  save(tx: Transaction, row: Pick<ResidentProfile, 'accountId' | 'villageUnitId' | 'birthYear' | 'gender'>): Promise<ResidentProfile> {
    return managerOf(tx).getRepository(ResidentProfile).save(row);
  }
}
