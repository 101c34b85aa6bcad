import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CouncilBody, BodyKind } from '../entities/council-body.entity';
import { CouncilMembership } from '../entities/council-membership.entity';
import { CouncilPerson } from '../entities/council-person.entity';
import { StateBody } from '../entities/state-body.entity';

export interface DirectoryFilter {
  kind?: BodyKind | null;
  regionCode?: string | null;
  stateBodyId?: string | null;
  communityId?: string | null;
  country?: string | null;
}

/** `state_bodies`, `council_bodies`, `council_persons`, `council_memberships`. */
@Injectable()
export class BodiesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private m(tx?: Transaction) {
    return managerOf(tx, this.db);
  }

  stateBody(id: string, tx?: Transaction): Promise<StateBody | null> {
    return this.m(tx).getRepository(StateBody).findOneBy({ id });
  }

  stateBodies(country: string | null): Promise<StateBody[]> {
    return this.m().getRepository(StateBody).find({ where: country ? { country } : {}, order: { createdAt: 'ASC' } });
  }

  async insertStateBody(tx: Transaction, values: Partial<StateBody>): Promise<StateBody> {
    const row = this.m(tx).getRepository(StateBody).create(values);
    await this.m(tx).getRepository(StateBody).insert(row);
    return (await this.stateBody(row.id, tx))!;
  }

  body(id: string, tx?: Transaction): Promise<CouncilBody | null> {
    return this.m(tx).getRepository(CouncilBody).findOneBy({ id });
  }

  lockBody(tx: Transaction, id: string): Promise<CouncilBody | null> {
    return this.m(tx).getRepository(CouncilBody).createQueryBuilder('b').setLock('pessimistic_write').where('b.id = :id', { id }).getOne();
  }

  async insertBody(tx: Transaction, values: Partial<CouncilBody>): Promise<CouncilBody> {
    const row = this.m(tx).getRepository(CouncilBody).create(values);
    await this.m(tx).getRepository(CouncilBody).insert(row);
    return (await this.body(row.id, tx))!;
  }

  async updateBody(tx: Transaction, id: string, patch: Partial<CouncilBody>): Promise<void> {
    await this.m(tx).getRepository(CouncilBody).update({ id }, patch);
  }

  /** The national directory: every body, filtered; oldest first. */
  directory(f: DirectoryFilter): Promise<CouncilBody[]> {
    const qb = this.m().getRepository(CouncilBody).createQueryBuilder('b').orderBy('b.created_at', 'ASC').addOrderBy('b.id', 'ASC').limit(500);
    if (f.kind) qb.andWhere('b.kind = :kind', { kind: f.kind });
    if (f.stateBodyId) qb.andWhere('b.state_body_id = :sb', { sb: f.stateBodyId });
    if (f.communityId) qb.andWhere('b.community_id = :c', { c: f.communityId });
    if (f.country) qb.andWhere('b.country = :country', { country: f.country });
    if (f.regionCode) qb.andWhere(`b.region_code LIKE :region || '%'`, { region: f.regionCode });
    return qb.getMany();
  }

  person(id: string, tx?: Transaction): Promise<CouncilPerson | null> {
    return this.m(tx).getRepository(CouncilPerson).findOneBy({ id });
  }

  personOfAccount(accountId: string, tx?: Transaction): Promise<CouncilPerson | null> {
    return this.m(tx).getRepository(CouncilPerson).findOneBy({ accountId });
  }

  persons(ids: readonly string[]): Promise<CouncilPerson[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.m().getRepository(CouncilPerson).createQueryBuilder('p').where('p.id = ANY(:ids)', { ids: [...ids] }).getMany();
  }

  async insertPerson(tx: Transaction, values: Partial<CouncilPerson>): Promise<CouncilPerson> {
    const row = this.m(tx).getRepository(CouncilPerson).create(values);
    await this.m(tx).getRepository(CouncilPerson).insert(row);
    return (await this.person(row.id, tx))!;
  }

  async updatePerson(tx: Transaction, id: string, patch: Partial<CouncilPerson>): Promise<void> {
    await this.m(tx).getRepository(CouncilPerson).update({ id }, patch);
  }

  membership(id: string, tx?: Transaction): Promise<CouncilMembership | null> {
    return this.m(tx).getRepository(CouncilMembership).findOneBy({ id });
  }

  /** Every term of the body, current and past: its membership history. */
  memberships(bodyId: string, tx?: Transaction): Promise<CouncilMembership[]> {
    return this.m(tx).getRepository(CouncilMembership).find({ where: { bodyId }, order: { termFrom: 'ASC', createdAt: 'ASC' } });
  }

  /** Terms that include `date` (YYYY-MM-DD). */
  currentMemberships(bodyId: string, date: string, tx?: Transaction): Promise<CouncilMembership[]> {
    return this.m(tx)
      .getRepository(CouncilMembership)
      .createQueryBuilder('m')
      .where('m.body_id = :bodyId AND m.term_from <= :date AND (m.term_to IS NULL OR m.term_to >= :date)', { bodyId, date })
      .orderBy('m.term_from', 'ASC')
      .getMany();
  }

  /** The person's terms on the body that include `date`. */
  async currentOfAccount(bodyId: string, accountId: string, date: string, tx?: Transaction): Promise<CouncilMembership[]> {
    return this.m(tx)
      .getRepository(CouncilMembership)
      .createQueryBuilder('m')
      .innerJoin(CouncilPerson, 'p', 'p.id = m.person_id')
      .where('m.body_id = :bodyId AND p.account_id = :accountId AND m.term_from <= :date AND (m.term_to IS NULL OR m.term_to >= :date)', { bodyId, accountId, date })
      .getMany();
  }

  async insertMembership(tx: Transaction, values: Partial<CouncilMembership>): Promise<CouncilMembership> {
    const row = this.m(tx).getRepository(CouncilMembership).create(values);
    await this.m(tx).getRepository(CouncilMembership).insert(row);
    return (await this.membership(row.id, tx))!;
  }

  async updateMembership(tx: Transaction, id: string, patch: Partial<CouncilMembership>): Promise<void> {
    await this.m(tx).getRepository(CouncilMembership).update({ id }, patch);
  }

  /** Accounts of the body's current chair and secretary (who are told about overdue follow-ups). */
  async officersOf(bodyIds: readonly string[], date: string, tx?: Transaction): Promise<Array<{ bodyId: string; accountId: string }>> {
    if (!bodyIds.length) return [];
    const rows: Array<{ body_id: string; account_id: string }> = await this.m(tx).query(
      `SELECT DISTINCT m.body_id, p.account_id FROM council_memberships m JOIN council_persons p ON p.id = m.person_id
        WHERE m.body_id = ANY($1::uuid[]) AND m.role IN ('CHAIR', 'SECRETARY') AND p.account_id IS NOT NULL
          AND m.term_from <= $2 AND (m.term_to IS NULL OR m.term_to >= $2)`,
      [bodyIds, date],
    );
    return rows.map((r) => ({ bodyId: r.body_id, accountId: r.account_id }));
  }
}
