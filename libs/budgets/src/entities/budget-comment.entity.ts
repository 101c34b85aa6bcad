import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BudgetVersion } from './budget-version.entity';

/** A resident's comment on a version published for public hearing (during its comment period). */
@Entity('budget_comments')
@Index('idx_budget_comments_version', ['versionId', 'createdAt'])
export class BudgetComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => BudgetVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'fk_budget_comments_version' })
  version?: BudgetVersion;

  @Column({ type: 'uuid', nullable: true })
  lineKey: string | null;

  @Column({ type: 'uuid' })
  authorAccountId: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
