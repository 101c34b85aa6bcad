import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RecommendationStatus } from '../domain/recommendation-flow';
import { CouncilBody } from './council-body.entity';
import { StateBody } from './state-body.entity';

/** A recommendation a body sent to a state body, and its follow-up (see domain/recommendation-flow). */
@Entity('council_recommendations')
@Index('idx_council_recommendations_addressee', ['addresseeId', 'status'])
@Index('idx_council_recommendations_due', ['status', 'deadline'])
@Check('ck_council_recommendations_status', `"status" IN ('SENT', 'OVERDUE', 'ANSWERED', 'ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED', 'IMPLEMENTED')`)
@Check('ck_council_recommendations_deadline', `"deadline" >= "sent_on"`)
export class CouncilRecommendation extends TimestampedEntity {
  @Column({ type: 'uuid' })
  bodyId: string;

  @ManyToOne(() => CouncilBody, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'body_id', foreignKeyConstraintName: 'fk_council_recommendations_body' })
  body?: CouncilBody;

  @Column({ type: 'uuid' })
  addresseeId: string;

  @ManyToOne(() => StateBody, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'addressee_id', foreignKeyConstraintName: 'fk_council_recommendations_addressee' })
  addressee?: StateBody;

  /** The decision that adopted it, when there is one. */
  @Column({ type: 'uuid', nullable: true })
  decisionId: string | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'date' })
  sentOn: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'varchar', length: 16, default: 'SENT' })
  status: RecommendationStatus;

  @Column({ type: 'text', nullable: true })
  answerText: string | null;

  @Column({ type: 'date', nullable: true })
  answeredOn: string | null;

  @Column({ type: 'text', nullable: true })
  answerDocumentUrl: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  answerDocumentName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  answerDocumentMimeType: string | null;

  @Column({ type: 'text', nullable: true })
  assessment: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  overdueAt: Date | null;

  @Column({ type: 'date', nullable: true })
  implementedOn: string | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Index('idx_council_recommendations_search', { synchronize: false })
  @Column({ type: 'text' })
  searchText: string;
}
