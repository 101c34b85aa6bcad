import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CompetitionCall } from './competition-call.entity';

/** An expert on a call's committee, for some directions (empty: all). */
@Entity('cmp_experts')
export class CallExpert {
  @PrimaryColumn({ type: 'uuid' })
  callId: string;

  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => CompetitionCall, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'fk_cmp_experts_call' })
  call?: CompetitionCall;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  directions: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
