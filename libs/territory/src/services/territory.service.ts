import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { clampLimit, foldForSearch, InvalidInputError, NotFoundError } from '@ashar/kernel';
import { DataSource, In, IsNull } from 'typeorm';
import { Country } from '../domain/unit-level';
import { TerritorialUnit } from '../entities/territorial-unit.entity';

@Injectable()
export class TerritoryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get units() {
    return this.db.getRepository(TerritorialUnit);
  }

  roots(country: Country): Promise<TerritorialUnit[]> {
    return this.units
      .createQueryBuilder('u')
      .where('u.country = :country AND u.parent_id IS NULL AND u.valid_to IS NULL', { country })
      .orderBy("u.names->>'ru'")
      .getMany();
  }

  /** The current unit with this code, else the most recent historical one. */
  async byCode(code: string): Promise<TerritorialUnit> {
    const unit = await this.units
      .createQueryBuilder('u')
      .where('u.code = :code', { code: code.trim() })
      .orderBy('u.valid_to IS NULL', 'DESC')
      .addOrderBy('u.valid_to', 'DESC')
      .getOne();
    if (!unit) throw new NotFoundError('TerritorialUnit', code);
    return unit;
  }

  /** For inputs: an unknown code is the caller's mistake (BAD_USER_INPUT on that field). */
  async requireCurrentUnit(code: string, field: string): Promise<TerritorialUnit> {
    const unit = await this.units.findOne({ where: { code: code.trim(), validTo: IsNull() } });
    if (!unit) throw new InvalidInputError(field, 'errors.validation.unknownTerritory', `${field}: unknown territory code ${code}`);
    return unit;
  }

  byIds(ids: readonly string[]): Promise<TerritorialUnit[]> {
    return this.units.findBy({ id: In([...ids]) });
  }

  childrenOf(parentIds: readonly string[]): Promise<TerritorialUnit[]> {
    return this.units
      .createQueryBuilder('u')
      .where('u.parent_id IN (:...ids) AND u.valid_to IS NULL', { ids: [...parentIds] })
      .orderBy("u.names->>'ru'")
      .getMany();
  }

  /** Ancestors of many units in one recursive query, root first for each. */
  async ancestorsOf(unitIds: readonly string[]): Promise<Map<string, TerritorialUnit[]>> {
    const rows: { start_id: string; id: string; depth: number }[] = await this.db.query(
      `WITH RECURSIVE chain(start_id, id, parent_id, depth) AS (
         SELECT u.id, p.id, p.parent_id, 1 FROM territorial_units u JOIN territorial_units p ON p.id = u.parent_id
          WHERE u.id = ANY($1)
         UNION ALL
         SELECT c.start_id, p.id, p.parent_id, c.depth + 1 FROM chain c JOIN territorial_units p ON p.id = c.parent_id
          WHERE c.depth < 10)
       SELECT start_id, id, depth FROM chain`,
      [[...unitIds]],
    );
    const units = rows.length ? await this.byIds([...new Set(rows.map((r) => r.id))]) : [];
    const byId = new Map(units.map((u) => [u.id, u]));
    const result = new Map<string, TerritorialUnit[]>(unitIds.map((id) => [id, []]));
    for (const r of [...rows].sort((a, b) => b.depth - a.depth)) result.get(r.start_id)!.push(byId.get(r.id)!);
    return result;
  }

  /**
   * Spelling-tolerant search: query and names folded the same way (ө/о, ү/у, ң/н, ё/е, Latin
   * look-alikes), every word must match; exact names first, then prefixes, then larger units.
   */
  async search(query: string, country: Country | null, limit?: number | null): Promise<TerritorialUnit[]> {
    const folded = foldForSearch(query);
    if (folded.length < 2) return [];
    const words = folded.split(' ').slice(0, 5);
    const qb = this.units.createQueryBuilder('u').where('u.valid_to IS NULL');
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
}
