import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { VersionKind, VersionStatus } from '../domain/types';
import { Budget } from './budget.entity';

/**
 * One version of a budget. DRAFT versions are edited (with an optimistic `revision` check);
 * anything past DRAFT is immutable: an amendment is a new version with a reason.
 */
@Entity('budget_versions')
@Index('uq_budget_versions_number', ['budgetId', 'number'], { unique: true })
@Index('uq_budget_versions_one_open', ['budgetId'], { unique: true, where: `"status" IN ('DRAFT', 'SUBMITTED')` })
@Check('ck_budget_versions_status', `"status" IN ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'APPROVED', 'SUPERSEDED')`)
@Check('ck_budget_versions_kind', `"kind" IN ('ORIGINAL', 'FINAL', 'AMENDMENT') AND (("number" = 1) = ("kind" = 'ORIGINAL'))`)
@Check('ck_budget_versions_amendment_reason', `"number" = 1 OR "reason" IS NOT NULL`)
export class BudgetVersion extends TimestampedEntity {
  @Column({ type: 'uuid' })
  budgetId: string;

  @ManyToOne(() => Budget, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', foreignKeyConstraintName: 'fk_budget_versions_budget' })
  budget?: Budget;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 16 })
  status: VersionStatus;

  /** ORIGINAL (number 1), FINAL (the final budget at year end), AMENDMENT (during the year). */
  @Column({ type: 'varchar', length: 16, default: 'ORIGINAL' })
  kind: VersionKind;

  /** Bumped by every saved edit; a save naming an older revision is a CONFLICT. */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  /** Why this amendment was made (required from version 2 on). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  basedOnVersionId: string | null;

  @ManyToOne(() => BudgetVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'based_on_version_id', foreignKeyConstraintName: 'fk_budget_versions_based_on' })
  basedOn?: BudgetVersion;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Last day of the public comment period. */
  @Column({ type: 'date', nullable: true })
  commentsUntil: string | null;

  @Column({ type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  /** The local kenesh's decision (токтом): date, number, link to the scanned file. */
  @Column({ type: 'date', nullable: true })
  decisionDate: string | null;

  @Column({ type: 'text', nullable: true })
  decisionNumber: string | null;

  @Column({ type: 'text', nullable: true })
  decisionFileUrl: string | null;
}
