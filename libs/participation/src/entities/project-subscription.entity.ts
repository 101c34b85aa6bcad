import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Project } from './project.entity';

/** A resident following a project's progress (notified of each update, unless opted out of the kind). */
@Entity('pb_project_subscriptions')
export class ProjectSubscription {
  @PrimaryColumn({ type: 'uuid' })
  proposalId: string;

  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'fk_pb_project_subscriptions_project' })
  project?: Project;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
