import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { VoteChoice } from '../domain/decision-rule';
import { AgendaItem } from './agenda-item.entity';
import { CouncilMembership } from './council-membership.entity';

/** A member's roll-call vote on an agenda item (one per membership; a second one replaces it until decided). */
@Entity('council_votes')
@Check('ck_council_votes_choice', `"choice" IN ('FOR', 'AGAINST', 'ABSTAIN', 'ABSENT')`)
export class CouncilVote {
  @PrimaryColumn({ type: 'uuid' })
  agendaItemId: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'fk_council_votes_item' })
  agendaItem?: AgendaItem;

  @PrimaryColumn({ type: 'uuid' })
  membershipId: string;

  @ManyToOne(() => CouncilMembership, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'membership_id', foreignKeyConstraintName: 'fk_council_votes_membership' })
  membership?: CouncilMembership;

  @Column({ type: 'varchar', length: 8 })
  choice: VoteChoice;

  /** The member's own account, or the secretary who entered the roll call. */
  @Column({ type: 'uuid' })
  recordedBy: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
