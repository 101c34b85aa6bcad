import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ParticipatoryProcess } from './participatory-process.entity';

/** SMS: a reply from the voter's verified phone (a feature phone); it counts like an online ballot. */
export type VotingChannel = 'ONLINE' | 'PAPER' | 'SMS';

/**
 * The voter registry: *that* an account voted in a process, and through which channel; never what.
 * One row per (process, account): the second ballot of a person, in any channel, is caught here.
 */
@Entity('pb_voter_registry')
@Check('ck_pb_voter_registry_channel', `"channel" IN ('ONLINE', 'PAPER', 'SMS')`)
export class VoterRegistration {
  @PrimaryColumn({ type: 'uuid' })
  processId: string;

  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => ParticipatoryProcess, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'fk_pb_voter_registry_process' })
  process?: ParticipatoryProcess;

  @Column({ type: 'varchar', length: 8 })
  channel: VotingChannel;

  @CreateDateColumn({ type: 'timestamptz' })
  firstVotedAt: Date;
}
