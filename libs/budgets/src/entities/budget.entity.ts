import { TimestampedEntity } from '@ashar/database';
import type { LocalizedText } from '@ashar/i18n';
import { Community } from '@ashar/territory';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

/** The budget of one community for one fiscal year; its content lives in versions. */
@Entity('budgets')
@Index('uq_budgets_community_year', ['communityId', 'fiscalYear'], { unique: true })
@Check('ck_budgets_fiscal_year', '"fiscal_year" BETWEEN 2000 AND 2100')
@Check('ck_budgets_currency', `"currency" IN ('KGS', 'KZT')`)
@Check('ck_budgets_population', '"population" IS NULL OR "population" > 0')
export class Budget extends TimestampedEntity {
  @Column({ type: 'uuid' })
  communityId: string;

  @ManyToOne(() => Community, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_budgets_community' })
  community?: Community;

  @Column({ type: 'smallint' })
  fiscalYear: number;

  @Column({ type: 'varchar', length: 3 })
  currency: 'KGS' | 'KZT';

  /** Residents, for per-resident amounts (the territory classifier has no population yet). */
  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'uuid' })
  createdBy: string;
}
