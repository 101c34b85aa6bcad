import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ParticipatoryProcess } from './participatory-process.entity';
import type { VotingChannel } from './voter-registration.entity';

/**
 * A ballot, under a keyed pseudonym (HMAC of process and account with the server's ballot key): no
 * account or document column, so the table cannot be joined to a person without the key. The voter's
 * receipt code is published with the ballot set (the `.pb` file's voter ids).
 */
@Entity('pb_ballots')
@Index('uq_pb_ballots_pseudonym', ['processId', 'pseudonym'], { unique: true })
@Index('uq_pb_ballots_receipt', ['processId', 'receiptCode'], { unique: true })
@Check('ck_pb_ballots_channel', `"channel" IN ('ONLINE', 'PAPER', 'SMS')`)
@Check('ck_pb_ballots_choices', `jsonb_typeof("choices") = 'array'`)
export class Ballot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  processId: string;

  @ManyToOne(() => ParticipatoryProcess, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'fk_pb_ballots_process' })
  process?: ParticipatoryProcess;

  @Column({ type: 'varchar', length: 64 })
  pseudonym: string;

  @Column({ type: 'varchar', length: 16 })
  receiptCode: string;

  /** Proposal ids: approved ones, or the ranking best first. */
  @Column({ type: 'jsonb' })
  choices: string[];

  /** Cumulative ballots: points given to choices[i]. */
  @Column({ type: 'jsonb', nullable: true })
  points: number[] | null;

  @Column({ type: 'varchar', length: 8 })
  channel: VotingChannel;

  @CreateDateColumn({ type: 'timestamptz' })
  castAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
