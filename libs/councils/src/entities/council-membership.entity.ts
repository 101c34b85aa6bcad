import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { MemberRole } from '../domain/membership';
import { CouncilBody } from './council-body.entity';
import { CouncilPerson } from './council-person.entity';

/** One term of one person on one body in one role; the rows of a body are its membership history. */
@Entity('council_memberships')
@Index('idx_council_memberships_body', ['bodyId', 'termFrom'])
@Index('idx_council_memberships_person', ['personId'])
@Check('ck_council_memberships_role', `"role" IN ('CHAIR', 'DEPUTY', 'SECRETARY', 'MEMBER')`)
@Check('ck_council_memberships_term', `"term_to" IS NULL OR "term_to" >= "term_from"`)
export class CouncilMembership extends TimestampedEntity {
  @Column({ type: 'uuid' })
  bodyId: string;

  @ManyToOne(() => CouncilBody, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'body_id', foreignKeyConstraintName: 'fk_council_memberships_body' })
  body?: CouncilBody;

  @Column({ type: 'uuid' })
  personId: string;

  @ManyToOne(() => CouncilPerson, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_council_memberships_person' })
  person?: CouncilPerson;

  @Column({ type: 'varchar', length: 10 })
  role: MemberRole;

  @Column({ type: 'date' })
  termFrom: string;

  @Column({ type: 'date', nullable: true })
  termTo: string | null;

  @Column({ type: 'text', nullable: true })
  endReason: string | null;
}
