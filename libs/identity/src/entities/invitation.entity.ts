import { Role } from '@ashar/auth';
import { TimestampedEntity } from '@ashar/database';
import { Community } from '@ashar/territory';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

/**
 * A community admin invites someone into a role. The link (with a token, stored hashed) is shared by
 * SMS, WhatsApp or on paper; whoever opens it signed in gets the role. A personal link works once
 * (`maxUses` 1); a group link (`isGroup`) up to `maxUses` times, until it expires or is revoked.
 * Every use is an `InvitationUse`.
 */
@Entity('invitations')
@Check('chk_invitations_uses', '"uses" >= 0 AND "uses" <= "max_uses"')
@Index('idx_invitations_community_group', ['communityId'], { where: '"is_group"' })
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

  @Column({ type: 'integer', default: 1 })
  maxUses: number;

  @Column({ type: 'integer', default: 0 })
  uses: number;

  @Column({ type: 'boolean', default: false })
  isGroup: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy: string | null;
}
