import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Project, ProjectStage } from './project.entity';

/** A published step of a project: the stage and progress it reported, with the organiser's words. */
@Entity('pb_project_updates')
@Index('idx_pb_project_updates_project', ['proposalId', 'createdAt'])
@Check('ck_pb_project_updates_stage', `"stage" IN ('PLANNED', 'PROCUREMENT', 'IN_PROGRESS', 'DONE')`)
@Check('ck_pb_project_updates_progress', '"progress" BETWEEN 0 AND 100')
export class ProjectUpdate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'fk_pb_project_updates_project' })
  project?: Project;

  @Column({ type: 'varchar', length: 16 })
  stage: ProjectStage;

  @Column({ type: 'smallint' })
  progress: number;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid' })
  authorAccountId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
