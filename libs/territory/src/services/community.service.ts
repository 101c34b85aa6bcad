import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { managerOf, Transaction } from '@ashar/database';
import { InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import type { LocalizedText } from '@ashar/i18n';
import { DataSource, EntityManager, In } from 'typeorm';
import { CommunityKind } from '../domain/unit-level';
import { Community } from '../entities/community.entity';

@Injectable()
export class CommunityService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byId(id: string): Promise<Community> {
    const c = await this.db.getRepository(Community).findOneBy({ id: uuidOrNotFound('Community', id) });
    if (!c) throw new NotFoundError('Community', id);
    return c;
  }

  byIds(ids: readonly string[]): Promise<Community[]> {
    return this.db.getRepository(Community).findBy({ id: In([...ids]) });
  }

  byUnitIds(unitIds: readonly string[]): Promise<Community[]> {
    return this.db.getRepository(Community).find({ where: { unitId: In([...unitIds]) }, order: { createdAt: 'ASC' } });
  }

  /** Runs in the caller's transaction (the creator's membership and the audit row commit with it). */
  async create(tx: Transaction | EntityManager, input: { unitId: string; kind: CommunityKind; names: LocalizedText }): Promise<Community> {
    const manager = managerOf(tx as Transaction);
    const names = Object.fromEntries(
      Object.entries(input.names).filter(([, v]) => typeof v === 'string' && v.trim()).map(([k, v]) => [k, (v as string).trim()]),
    );
    if (!Object.keys(names).length) throw new InvalidInputError('input.names', 'errors.validation.nameRequired');
    const community = manager.create(Community, { unitId: input.unitId, kind: input.kind, names });
    return manager.save(community);
  }
}
