import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ActionItemStatus } from '../domain/action-items';
import { ActionPlan } from './action-plan.entity';

@Entity('council_action_items')
@Index('idx_council_action_items_plan', ['planId', 'position'])
@Check('ck_council_action_items_status', `"status" IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')`)
export class ActionItem extends TimestampedEntity {
  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => ActionPlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_council_action_items_plan' })
  plan?: ActionPlan;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 300 })
  responsible: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'varchar', length: 12, default: 'PLANNED' })
  status: ActionItemStatus;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  /** Set by the overdue job the first day the item is past its deadline and not done. */
  @Column({ type: 'timestamptz', nullable: true })
  overdueAt: Date | null;
}
