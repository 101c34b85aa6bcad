import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CouncilBody } from './council-body.entity';

export type QuestionStatus = 'OPEN' | 'ANSWERED' | 'ON_AGENDA';

/** A resident's question or issue sent to a body; answered, or put on an agenda. Only the sender and the body see it. */
@Entity('council_questions')
@Index('idx_council_questions_body', ['bodyId', 'status'])
@Check('ck_council_questions_status', `"status" IN ('OPEN', 'ANSWERED', 'ON_AGENDA')`)
export class CitizenQuestion extends TimestampedEntity {
  @Column({ type: 'uuid' })
  bodyId: string;

  @ManyToOne(() => CouncilBody, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'body_id', foreignKeyConstraintName: 'fk_council_questions_body' })
  body?: CouncilBody;

  @Column({ type: 'uuid' })
  authorAccountId: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 10, default: 'OPEN' })
  status: QuestionStatus;

  @Column({ type: 'text', nullable: true })
  answerText: string | null;

  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;
}
