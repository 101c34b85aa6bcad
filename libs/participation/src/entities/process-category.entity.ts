import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from './participatory-process.entity';
import { ParticipatoryProcess } from './participatory-process.entity';

/** A category of projects (roads, water, schools...) a process offers; proposals name one. */
@Entity('pb_categories')
@Index('idx_pb_categories_process', ['processId'])
export class ProcessCategory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  processId: string;

  @ManyToOne(() => ParticipatoryProcess, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'fk_pb_categories_process' })
  process?: ParticipatoryProcess;

  @Column({ type: 'jsonb' })
  name: LocalizedText;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
