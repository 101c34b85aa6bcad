import { TimestampedEntity } from '@ashar/database';
import { Community } from '@ashar/territory';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

export type ProcessPhase = 'DRAFT' | 'IDEAS' | 'REVIEW' | 'VOTING' | 'RESULTS' | 'IMPLEMENTATION';
export type BallotKindName = 'APPROVAL' | 'KNAPSACK' | 'CUMULATIVE' | 'RANKING';
export type CountingRule = 'GREEDY' | 'MES';
export type VerificationLevel = 'SELF_DECLARED' | 'PHONE' | 'IN_PERSON';
export interface LocalizedText {
  ky?: string | null;
  ru?: string | null;
  en?: string | null;
  kk?: string | null;
}

/**
 * A participatory-budgeting process of one community: its envelope (minor units), ballot and counting
 * rules, and the phase it is in. The rules freeze when voting opens (`rules_frozen_at`).
 */
@Entity('pb_processes')
@Index('idx_pb_processes_community', ['communityId'])
@Check('ck_pb_processes_phase', `"phase" IN ('DRAFT', 'IDEAS', 'REVIEW', 'VOTING', 'RESULTS', 'IMPLEMENTATION')`)
@Check('ck_pb_processes_ballot_kind', `"ballot_kind" IN ('APPROVAL', 'KNAPSACK', 'CUMULATIVE', 'RANKING')`)
@Check('ck_pb_processes_rule', `"counting_rule" IN ('GREEDY', 'MES')`)
@Check('ck_pb_processes_verification', `"verification" IN ('SELF_DECLARED', 'PHONE', 'IN_PERSON')`)
@Check('ck_pb_processes_envelope', '"envelope" > 0')
@Check('ck_pb_processes_choices', '"min_choices" >= 0 AND ("max_choices" IS NULL OR "max_choices" >= "min_choices")')
@Check('ck_pb_processes_points', '"max_points" IS NULL OR "max_points" > 0')
@Check('ck_pb_processes_currency', `"currency" IN ('KGS', 'KZT')`)
export class ParticipatoryProcess extends TimestampedEntity {
  @Column({ type: 'uuid' })
  communityId: string;

  // RESTRICT: a community with a vote on record is not deleted by accident (its ballots would go with it).
  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_pb_processes_community' })
  community?: Community;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  description: LocalizedText;

  @Column({ type: 'varchar', length: 3 })
  currency: 'KGS' | 'KZT';

  /** Minor units (tyiyn, tiyn); bigint arrives from pg as a string. */
  @Column({ type: 'bigint' })
  envelope: string;

  @Column({ type: 'varchar', length: 16 })
  ballotKind: BallotKindName;

  @Column({ type: 'smallint', default: 1 })
  minChoices: number;

  @Column({ type: 'smallint', nullable: true })
  maxChoices: number | null;

  /** Cumulative ballots: the points each voter shares out. */
  @Column({ type: 'integer', nullable: true })
  maxPoints: number | null;

  @Column({ type: 'varchar', length: 8 })
  countingRule: CountingRule;

  @Column({ type: 'varchar', length: 16 })
  verification: VerificationLevel;

  @Column({ type: 'smallint', nullable: true })
  minAge: number | null;

  @Column({ type: 'varchar', length: 16, default: 'DRAFT' })
  phase: ProcessPhase;

  @Column({ type: 'timestamptz', nullable: true })
  rulesFrozenAt: Date | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  /** When the worker queued the "voting closes soon" reminder (once per process). */
  @Column({ type: 'timestamptz', nullable: true })
  reminderQueuedAt: Date | null;
}
