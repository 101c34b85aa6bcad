import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ParticipatoryProcess } from './participatory-process.entity';

/**
 * A resident who asked for a process's notices by SMS (their verified phone) or else email: the vote opening
 * (a reminder that says how to vote by SMS), other phase changes, the results, project progress. Opt-in per
 * process: an SMS costs money, so only those who asked get one. The per-kind opt-out and STOP still apply.
 */
@Entity('pb_message_updates')
export class MessageUpdateSubscription {
  @PrimaryColumn({ type: 'uuid' })
  processId: string;

  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => ParticipatoryProcess, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'fk_pb_message_updates_process' })
  process?: ParticipatoryProcess;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
