import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ApplicationFile } from '../entities/application-file.entity';

/** `cmp_files`: the bytes behind FILE fields (content read only on download). */
@Injectable()
export class ApplicationFilesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(ApplicationFile);
  }

  /** The file of this field with these bytes (a retry, a double tap): stored once. */
  findSame(tx: Transaction, applicationId: string, fieldKey: string, sha256: string): Promise<ApplicationFile | null> {
    return this.repo(tx).findOne({ where: { applicationId, fieldKey, sha256 }, order: { createdAt: 'ASC' } });
  }

  findById(id: string): Promise<ApplicationFile | null> {
    return this.repo().findOneBy({ id });
  }

  async insert(tx: Transaction, values: Partial<ApplicationFile>): Promise<ApplicationFile> {
    const f = this.repo(tx).create(values);
    // The relation's jsonb columns are beyond TypeORM's deep-partial type.
    await this.repo(tx).insert(f as QueryDeepPartialEntity<ApplicationFile>);
    return f;
  }

  withContent(id: string): Promise<ApplicationFile | null> {
    return this.repo().createQueryBuilder('f').addSelect('f.content').where('f.id = :id', { id }).getOne();
  }
}
