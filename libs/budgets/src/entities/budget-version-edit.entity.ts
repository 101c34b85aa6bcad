import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BudgetVersion } from './budget-version.entity';

/** What each saved edit of a draft changed: a stale save gets these back in its CONFLICT. */
@Entity('budget_version_edits')
@Index('uq_budget_version_edits_revision', ['versionId', 'revision'], { unique: true })
export class BudgetVersionEdit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => BudgetVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_budget_version_edits_version' })
  version?: BudgetVersion;

  /** The revision this edit produced. */
  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'uuid' })
  actorAccountId: string;

  /** [{ lineKey, economicCode, change: 'ADDED'|'CHANGED'|'REMOVED', before, after }] with amounts as strings. */
  @Column({ type: 'jsonb' })
  changes: Array<Record<string, unknown>>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
