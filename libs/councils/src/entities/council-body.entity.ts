import { TimestampedEntity } from '@ashar/database';
import { Community } from '@ashar/territory';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { MajorityBase, MajorityKind, TieRule } from '../domain/decision-rule';
import { StateBody } from './state-body.entity';

export type BodyKind = 'PUBLIC_COUNCIL' | 'SMALL_PUBLIC_COUNCIL' | 'BUDGET_GROUP' | 'INITIATIVE_GROUP' | 'WORKING_GROUP' | 'ADVISORY_GROUP' | 'CUSTOM';

/** A council or civic body, attached to a state body or to a community, with its decision rules. */
@Entity('council_bodies')
@Index('idx_council_bodies_community', ['communityId'])
@Index('idx_council_bodies_state_body', ['stateBodyId'])
@Check('ck_council_bodies_kind', `"kind" IN ('PUBLIC_COUNCIL', 'SMALL_PUBLIC_COUNCIL', 'BUDGET_GROUP', 'INITIATIVE_GROUP', 'WORKING_GROUP', 'ADVISORY_GROUP', 'CUSTOM')`)
@Check('ck_council_bodies_custom', `("kind" = 'CUSTOM') = ("custom_label" IS NOT NULL)`)
@Check('ck_council_bodies_attached', `("community_id" IS NULL) <> ("state_body_id" IS NULL)`)
@Check('ck_council_bodies_quorum', `"quorum_numerator" > 0 AND "quorum_numerator" <= "quorum_denominator"`)
@Check('ck_council_bodies_qualified', `"qualified_numerator" > 0 AND "qualified_numerator" <= "qualified_denominator"`)
@Check('ck_council_bodies_majority', `"majority" IN ('SIMPLE', 'QUALIFIED') AND "majority_base" IN ('PRESENT', 'ALL_MEMBERS') AND "tie_rule" IN ('FAILS', 'CHAIR_DECIDES')`)
export class CouncilBody extends TimestampedEntity {
  @Column({ type: 'varchar', length: 24 })
  kind: BodyKind;

  @Column({ type: 'varchar', length: 120, nullable: true })
  customLabel: string | null;

  @Column({ type: 'jsonb' })
  name: Record<string, string>;

  @Column({ type: 'text', default: '' })
  mandate: string;

  @Column({ type: 'uuid', nullable: true })
  communityId: string | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_council_bodies_community' })
  community?: Community;

  @Column({ type: 'uuid', nullable: true })
  stateBodyId: string | null;

  @ManyToOne(() => StateBody, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_body_id', foreignKeyConstraintName: 'fk_council_bodies_state_body' })
  stateBody?: StateBody;

  /** Territorial code of the community's unit or of the state body's region: the directory filters by its prefix. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Column({ type: 'smallint' })
  quorumNumerator: number;

  @Column({ type: 'smallint' })
  quorumDenominator: number;

  @Column({ type: 'varchar', length: 10 })
  majority: MajorityKind;

  @Column({ type: 'smallint', default: 2 })
  qualifiedNumerator: number;

  @Column({ type: 'smallint', default: 3 })
  qualifiedDenominator: number;

  @Column({ type: 'varchar', length: 12 })
  majorityBase: MajorityBase;

  @Column({ type: 'varchar', length: 14 })
  tieRule: TieRule;

  @Column({ type: 'uuid' })
  createdBy: string;
}
