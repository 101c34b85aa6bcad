import { TimestampedEntity } from '@ashar/database';
import type { LocalizedText } from '@ashar/i18n';
import { Check, Column, Entity, Index } from 'typeorm';

export type ClassificationScheme = 'ECONOMIC' | 'FUNCTIONAL';

/**
 * A code of the budget classification (economic or functional), per country. Codes are data:
 * seeded from a file in the repository (see seed/data/README.md), editable by a platform admin.
 * The tree is given by `parentCode`.
 */
@Entity('budget_classifications')
@Index('uq_budget_classifications_code', ['country', 'scheme', 'code'], { unique: true })
@Check('ck_budget_classifications_scheme', `"scheme" IN ('ECONOMIC', 'FUNCTIONAL')`)
export class BudgetClassification extends TimestampedEntity {
  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'varchar', length: 16 })
  scheme: ClassificationScheme;

  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  parentCode: string | null;

  /** Economic codes belong to one side of the budget; functional codes to none. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  direction: 'REVENUE' | 'EXPENDITURE' | null;

  @Column({ type: 'jsonb' })
  names: LocalizedText;

  @Column({ type: 'text' })
  source: string;
}
