import { managerOf, Transaction } from '@ashar/database';
import type { LocalizedText } from '@ashar/i18n';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CommunityKind } from '../domain/unit-level';
import { Community } from '../entities/community.entity';

/** Where a community is: its unit's country, code, names, population and parent (one row per community). */
export interface CommunityPlace {
  communityId: string;
  unitId: string;
  country: string;
  unitCode: string;
  unitNames: LocalizedText;
  unitPopulation: number | null;
  parentId: string | null;
}

const PLACE_COLUMNS = `c.id AS community_id, u.id AS unit_id, u.country, u.code AS unit_code, u.names AS unit_names, u.population AS unit_population, u.parent_id`;

const toPlace = (r: any): CommunityPlace => ({
  communityId: r.community_id,
  unitId: r.unit_id,
  country: r.country,
  unitCode: r.unit_code,
  unitNames: r.unit_names,
  unitPopulation: r.unit_population,
  parentId: r.parent_id,
});

/** Every statement on `communities` (and the joins to their units, both territory's tables). */
@Injectable()
export class CommunitiesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private communities(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(Community);
  }

  findById(id: string): Promise<Community | null> {
    return this.communities().findOneBy({ id });
  }

  byIds(ids: readonly string[]): Promise<Community[]> {
    return this.communities().findBy({ id: In([...ids]) });
  }

  byUnitIds(unitIds: readonly string[]): Promise<Community[]> {
    return this.communities().find({ where: { unitId: In([...unitIds]) }, order: { createdAt: 'ASC' } });
  }

  findBySlug(slug: string): Promise<Community | null> {
    return this.communities().findOneBy({ slug });
  }

  /** Slugs already used that start with `base` (the base itself and its numbered variants). */
  async slugsLike(tx: Transaction | undefined, base: string): Promise<Set<string>> {
    const rows: { slug: string }[] = await managerOf(tx, this.db).query(`SELECT slug FROM communities WHERE slug = $1 OR slug LIKE $2`, [base, `${base.slice(0, 50)}%`]);
    return new Set(rows.map((r) => r.slug));
  }

  firstOfUnit(tx: Transaction | undefined, unitId: string, kind: CommunityKind): Promise<Community | null> {
    return this.communities(tx).findOne({ where: { unitId, kind }, order: { createdAt: 'ASC' } });
  }

  save(tx: Transaction, values: { unitId: string; kind: CommunityKind; names: LocalizedText; slug: string }): Promise<Community> {
    const repo = this.communities(tx);
    return repo.save(repo.create(values));
  }

  async placesOf(communityIds: readonly string[]): Promise<CommunityPlace[]> {
    const rows: any[] = await this.db.query(`SELECT ${PLACE_COLUMNS} FROM communities c JOIN territorial_units u ON u.id = c.unit_id WHERE c.id = ANY($1)`, [[...communityIds]]);
    return rows.map(toPlace);
  }

  /** Communities of the units that share this community's parent unit (itself included), by Russian unit name. */
  async siblingsOf(communityId: string): Promise<CommunityPlace[]> {
    const rows: any[] = await this.db.query(
      `WITH me AS (SELECT u.parent_id FROM communities c JOIN territorial_units u ON u.id = c.unit_id WHERE c.id = $1)
       SELECT ${PLACE_COLUMNS} FROM communities c JOIN territorial_units u ON u.id = c.unit_id
        WHERE u.parent_id = (SELECT parent_id FROM me)
        ORDER BY u.names->>'ru', c.id`,
      [communityId],
    );
    return rows.map(toPlace);
  }
}
