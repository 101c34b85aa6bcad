import { managerOf, Transaction } from '@ashar/database';
import { clampLimit } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { Country } from '../domain/unit-level';
import { TerritorialUnit } from '../entities/territorial-unit.entity';

/** Every statement on `territorial_units`. */
@Injectable()
export class TerritorialUnitsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private units(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(TerritorialUnit);
  }

  roots(country: Country): Promise<TerritorialUnit[]> {
    return this.units()
      .createQueryBuilder('u')
      .where('u.country = :country AND u.parent_id IS NULL AND u.valid_to IS NULL', { country })
      .orderBy("u.names->>'ru'")
      .getMany();
  }

  /** The current unit with this code, else the most recent historical one. */
  latestByCode(code: string): Promise<TerritorialUnit | null> {
    return this.units().createQueryBuilder('u').where('u.code = :code', { code }).orderBy('u.valid_to IS NULL', 'DESC').addOrderBy('u.valid_to', 'DESC').getOne();
  }

  currentByCode(code: string): Promise<TerritorialUnit | null> {
    return this.units().findOne({ where: { code, validTo: IsNull() } });
  }

  byIds(ids: readonly string[]): Promise<TerritorialUnit[]> {
    return this.units().findBy({ id: In([...ids]) });
  }

  childrenOf(parentIds: readonly string[]): Promise<TerritorialUnit[]> {
    return this.units()
      .createQueryBuilder('u')
      .where('u.parent_id IN (:...ids) AND u.valid_to IS NULL', { ids: [...parentIds] })
      .orderBy("u.names->>'ru'")
      .getMany();
  }

  /** (start, ancestor, depth) for many units in one recursive statement. */
  ancestorLinks(unitIds: readonly string[]): Promise<{ start_id: string; id: string; depth: number }[]> {
    return this.db.query(
      `WITH RECURSIVE chain(start_id, id, parent_id, depth) AS (
         SELECT u.id, p.id, p.parent_id, 1 FROM territorial_units u JOIN territorial_units p ON p.id = u.parent_id
          WHERE u.id = ANY($1)
         UNION ALL
         SELECT c.start_id, p.id, p.parent_id, c.depth + 1 FROM chain c JOIN territorial_units p ON p.id = c.parent_id
          WHERE c.depth < 10)
       SELECT start_id, id, depth FROM chain`,
      [[...unitIds]],
    );
  }

  /** Current units whose search key holds every folded word; exact names first, then prefixes, then larger units. */
  search(folded: string, words: readonly string[], country: Country | null, limit?: number | null): Promise<TerritorialUnit[]> {
    const qb = this.units().createQueryBuilder('u').where('u.valid_to IS NULL');
    words.forEach((w, i) => qb.andWhere(`u.search_key LIKE :w${i}`, { [`w${i}`]: `%${w.replace(/[%_\\]/g, '\\$&')}%` }));
    if (country) qb.andWhere('u.country = :country', { country });
    return qb
      .orderBy(`CASE WHEN u.search_key = :exact OR u.search_key LIKE :exactAlt THEN 0 WHEN u.search_key LIKE :prefix THEN 1 ELSE 2 END`)
      .addOrderBy(`CASE u.level WHEN 'VILLAGE' THEN 0 WHEN 'AIMAK' THEN 1 WHEN 'CITY' THEN 1 ELSE 2 END`)
      .addOrderBy("u.names->>'ru'")
      .setParameters({ exact: folded, exactAlt: `%| ${folded}`, prefix: `${folded}%` })
      .limit(clampLimit(limit, 20))
      .getMany();
  }

  /** The current units with these codes, locked for a reform. */
  lockCurrentByCodes(tx: Transaction, codes: readonly string[]): Promise<TerritorialUnit[]> {
    return this.units(tx).find({ where: { code: In([...codes]), validTo: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  currentCodeExists(tx: Transaction, country: Country, code: string): Promise<boolean> {
    return this.units(tx).exist({ where: { country, code, validTo: IsNull() } });
  }

  async close(tx: Transaction, ids: readonly string[], validTo: string): Promise<void> {
    await this.units(tx).update({ id: In([...ids]) }, { validTo });
  }

  async insert(tx: Transaction, values: Partial<TerritorialUnit>): Promise<TerritorialUnit> {
    const unit = this.units(tx).create(values);
    await this.units(tx).insert(unit);
    return unit;
  }

  async setSuccessor(tx: Transaction, ids: readonly string[], successorId: string): Promise<void> {
    await this.units(tx).update({ id: In([...ids]) }, { successorId });
  }

  /** The current children of the old units move under their successor. */
  async moveCurrentChildren(tx: Transaction, fromIds: readonly string[], toId: string): Promise<void> {
    await managerOf(tx).query('UPDATE territorial_units SET parent_id = $1 WHERE parent_id = ANY($2) AND valid_to IS NULL', [toId, [...fromIds]]);
  }
}
