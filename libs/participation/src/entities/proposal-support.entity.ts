import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Proposal } from './proposal.entity';

/** One support per resident and proposal (the primary key says so). */
@Entity('pb_proposal_supports')
export class ProposalSupport {
  @PrimaryColumn({ type: 'uuid' })
  proposalId: string;

  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'fk_pb_proposal_supports_proposal' })
  proposal?: Proposal;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
