import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Proposal } from './proposal.entity';

export type ProjectStage = 'PLANNED' | 'PROCUREMENT' | 'IN_PROGRESS' | 'DONE';
export const PROJECT_STAGES: readonly ProjectStage[] = ['PLANNED', 'PROCUREMENT', 'IN_PROGRESS', 'DONE'];

/**
 * A winning proposal being built: its stage and progress, and the budget line that pays it (by the
 * line's key, which survives budget amendments). One line pays one project (a unique index), so the
 * line's spending is the project's.
 */
@Entity('pb_projects')
@Index('idx_pb_projects_process', ['processId'])
@Index('uq_pb_projects_budget_line', ['budgetId', 'lineKey'], { unique: true, where: `"budget_id" IS NOT NULL` })
@Check('ck_pb_projects_stage', `"stage" IN ('PLANNED', 'PROCUREMENT', 'IN_PROGRESS', 'DONE')`)
@Check('ck_pb_projects_progress', '"progress" BETWEEN 0 AND 100')
@Check('ck_pb_projects_line', '("budget_id" IS NULL) = ("line_key" IS NULL)')
export class Project {
  @PrimaryColumn({ type: 'uuid' })
  proposalId: string;

  @OneToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'fk_pb_projects_proposal' })
  proposal?: Proposal;

  @Column({ type: 'uuid' })
  processId: string;

  @Column({ type: 'varchar', length: 16, default: 'PLANNED' })
  stage: ProjectStage;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'uuid', nullable: true })
  budgetId: string | null;

  @Column({ type: 'uuid', nullable: true })
  lineKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
