import { TimestampedEntity } from '@ashar/database';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CouncilBody } from './council-body.entity';

/** A working group's plan; another body (an advisory group) may monitor it and record checks. */
@Entity('council_action_plans')
@Index('idx_council_action_plans_body', ['bodyId'])
@Index('idx_council_action_plans_monitor', ['monitoringBodyId'])
export class ActionPlan extends TimestampedEntity {
  @Column({ type: 'uuid' })
  bodyId: string;

  @ManyToOne(() => CouncilBody, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'body_id', foreignKeyConstraintName: 'fk_council_action_plans_body' })
  body?: CouncilBody;

  @Column({ type: 'uuid', nullable: true })
  monitoringBodyId: string | null;

  @ManyToOne(() => CouncilBody, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'monitoring_body_id', foreignKeyConstraintName: 'fk_council_action_plans_monitor' })
  monitoringBody?: CouncilBody;

  @Column({ type: 'varchar', length: 300 })
  title: string;
}
