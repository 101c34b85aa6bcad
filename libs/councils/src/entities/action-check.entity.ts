import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ActionItemStatus } from '../domain/action-items';
import { ActionItem } from './action-item.entity';

/** The monitoring body's check of an action item: what it found, on which day. */
@Entity('council_action_checks')
@Index('idx_council_action_checks_item', ['itemId'])
@Check('ck_council_action_checks_status', `"status_found" IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')`)
export class ActionCheck {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid' })
  itemId: string;

  @ManyToOne(() => ActionItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id', foreignKeyConstraintName: 'fk_council_action_checks_item' })
  item?: ActionItem;

  @Column({ type: 'uuid' })
  monitoringBodyId: string;

  @Column({ type: 'date' })
  checkedOn: string;

  @Column({ type: 'varchar', length: 12 })
  statusFound: ActionItemStatus;

  @Column({ type: 'text' })
  finding: string;

  @Column({ type: 'uuid' })
  recordedBy: string;
}
