import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CouncilBody } from './council-body.entity';

export type ApportionmentBasis = 'POPULATION' | 'VOTERS' | 'REVENUE';

/** A body's seats shared among villages by a figure, with the engine's explanation (quotients table). */
@Entity('council_apportionments')
@Index('idx_council_apportionments_body', ['bodyId'])
@Check('ck_council_apportionments_basis', `"basis" IN ('POPULATION', 'VOTERS', 'REVENUE')`)
@Check('ck_council_apportionments_method', `"method" IN ('DHONDT', 'SAINTE_LAGUE', 'LARGEST_REMAINDER')`)
@Check('ck_council_apportionments_seats', `"seats" > 0`)
export class SeatApportionment extends TimestampedEntity {
  @Column({ type: 'uuid' })
  bodyId: string;

  @ManyToOne(() => CouncilBody, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'body_id', foreignKeyConstraintName: 'fk_council_apportionments_body' })
  body?: CouncilBody;

  @Column({ type: 'varchar', length: 12 })
  basis: ApportionmentBasis;

  @Column({ type: 'varchar', length: 20 })
  method: 'DHONDT' | 'SAINTE_LAGUE' | 'LARGEST_REMAINDER';

  @Column({ type: 'smallint' })
  seats: number;

  /** [{ id, name, weight, source }] as entered (weights: people, or revenue in minor units as a string; source: where it comes from). */
  @Column({ type: 'jsonb' })
  figures: Array<{ id: string; name: string; weight: string; source?: string | null }>;

  /** The tally engine's result: allocation and explanation. */
  @Column({ type: 'jsonb' })
  result: object;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid' })
  createdBy: string;
}
