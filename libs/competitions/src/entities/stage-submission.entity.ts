import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AnswerChange } from '../domain/answers-diff';
import { Application } from './application.entity';

/** A frozen, versioned submission of one stage; an amendment is the next version with its diff. */
@Entity('cmp_submissions')
@Index('uq_cmp_submissions_version', ['applicationId', 'stageNumber', 'version'], { unique: true })
export class StageSubmission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_cmp_submissions_application' })
  application?: Application;

  @Column({ type: 'smallint' })
  stageNumber: number;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  answers: Record<string, unknown>;

  /** Against the previous version; empty for version 1. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  diff: AnswerChange[];

  @Column({ type: 'uuid' })
  submittedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt: Date;
}
