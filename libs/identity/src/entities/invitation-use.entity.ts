import { TimestampedEntity } from '@ashar/database';
import { Column, Entity, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Account } from './account.entity';
import { Invitation } from './invitation.entity';

/** Who joined through which invitation link, and the membership it gave (one row per use). */
@Entity('invitation_uses')
@Unique('uq_invitation_uses_invitation_account', ['invitationId', 'accountId'])
export class InvitationUse extends TimestampedEntity {
  @Column({ type: 'uuid' })
  invitationId: string;

  @ManyToOne(() => Invitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'fk_invitation_uses_invitation' })
  invitation?: Invitation;

  @Column({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_invitation_uses_account' })
  account?: Account;

  @Column({ type: 'uuid' })
  membershipId: string;
}
