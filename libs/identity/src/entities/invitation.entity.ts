import { Role } from '@ashar/auth';
import { TimestampedEntity } from '@ashar/database';
import { Community } from '@ashar/territory';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';

/**
 * A community admin invites someone into a role. The link (with a one-time token, stored hashed)
 * is shared by SMS, WhatsApp or on paper; whoever opens it signed in gets the role, once.
 */
@Entity('invitations')
export class Invitation extends TimestampedEntity {
  @Column({ type: 'uuid' })
  communityId: string;

  @ManyToOne(() => Community, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_invitations_community' })
  community?: Community;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  /** Where to send the link, if the admin gave one (a notification job does the sending). */
  @Column({ type: 'text', nullable: true })
  recipient: string | null;

  @Column({ type: 'uuid' })
  invitedBy: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'uuid', nullable: true })
  acceptedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;
}
