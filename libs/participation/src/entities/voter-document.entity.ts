import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ParticipatoryProcess } from './participatory-process.entity';
import type { VotingChannel } from './voter-registration.entity';

/**
 * The voter registry by document: *that* the holder of a national ID (by its keyed hash, the same as
 * `pb_in_person_verifications`) voted in a process, and through which channel. A paper voter listed by
 * document number and an online voter verified with that document meet here, whichever came first.
 */
@Entity('pb_voter_documents')
@Check('ck_pb_voter_documents_channel', `"channel" IN ('ONLINE', 'PAPER', 'SMS')`)
export class VoterDocument {
  @PrimaryColumn({ type: 'uuid' })
  processId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  documentHash: string;

  @ManyToOne(() => ParticipatoryProcess, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'fk_pb_voter_documents_process' })
  process?: ParticipatoryProcess;

  @Column({ type: 'varchar', length: 8 })
  channel: VotingChannel;

  /** The verified account holding the document, when there is one (a paper voter may have none). */
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  firstVotedAt: Date;
}
