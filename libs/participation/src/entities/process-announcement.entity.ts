import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LocalizedText, ParticipatoryProcess } from './participatory-process.entity';


/**
 * A message an organiser sent to a process's participants (in-app to all of them; SMS or email to those who
 * asked for the process's notices), in each language the organiser wrote. Kept: what was said is public.
 */
@Entity('pb_announcements')
@Index('idx_pb_announcements_process', ['processId', 'createdAt'])
@Check('ck_pb_announcements_text', `jsonb_typeof("text") = 'object' AND "text" <> '{}'::jsonb`)
export class ProcessAnnouncement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_pb_announcements' })
  id: string;

  @Column({ type: 'uuid' })
  processId: string;

  @ManyToOne(() => ParticipatoryProcess, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'fk_pb_announcements_process' })
  process?: ParticipatoryProcess;

  @Column({ type: 'jsonb' })
  text: LocalizedText;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
