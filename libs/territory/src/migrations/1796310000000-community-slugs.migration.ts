import { MigrationInterface, QueryRunner } from 'typeorm';
import { communitySlugBase, uniqueSlug } from '../domain/slug';

/**
 * Short shareable addresses (`/b/<slug>/<year>`): a unique slug per community, made once from its name
 * and never changed afterwards (a link on a notice board must keep working after a rename).
 * Existing communities get theirs here, oldest first, so the first of two namesakes keeps the plain one.
 */
export class CommunitySlugs1796310000000 implements MigrationInterface {
  name = 'CommunitySlugs1796310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "communities" ADD "slug" character varying(64)`);
    const rows: { id: string; names: Record<string, string> }[] = await queryRunner.query(`SELECT id, names FROM communities ORDER BY created_at, id`);
    const taken = new Set<string>();
    for (const r of rows) {
      const slug = uniqueSlug(communitySlugBase(r.names ?? {}), (s) => taken.has(s));
      taken.add(slug);
      await queryRunner.query(`UPDATE communities SET slug = $2 WHERE id = $1`, [r.id, slug]);
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_communities_slug" ON "communities" ("slug")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_communities_slug"`);
    await queryRunner.query(`ALTER TABLE "communities" DROP COLUMN "slug"`);
  }
}
