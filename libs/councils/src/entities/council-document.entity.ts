import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DocumentOwnerKind = 'MEETING' | 'AGENDA_ITEM' | 'RECOMMENDATION' | 'ACTION_ITEM';

/** A file published elsewhere (url, name, mime type) attached to a meeting, agenda item, recommendation or action item. */
@Entity('council_documents')
@Index('idx_council_documents_owner', ['ownerKind', 'ownerId'])
@Check('ck_council_documents_owner', `"owner_kind" IN ('MEETING', 'AGENDA_ITEM', 'RECOMMENDATION', 'ACTION_ITEM')`)
export class CouncilDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'varchar', length: 16 })
  ownerKind: DocumentOwnerKind;

  @Column({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'uuid' })
  bodyId: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'varchar', length: 100 })
  mimeType: string;

  @Column({ type: 'uuid' })
  addedBy: string;
}
