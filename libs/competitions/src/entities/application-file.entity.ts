import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Application } from './application.entity';

/**
 * A file behind a FILE field of an application's form, kept in PostgreSQL the way budgets keeps
 * receipts (small files, one backup, one permission check): the type read from the bytes, at most
 * 10 MB, the same bytes uploaded twice to one field are one file. Read by the application's editors,
 * its call's organisers and its assigned experts.
 */
@Entity('cmp_files')
@Index('idx_cmp_files_application', ['applicationId', 'fieldKey'])
@Check('ck_cmp_files_size', '"size_bytes" > 0 AND "size_bytes" <= 10485760')
export class ApplicationFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_cmp_files_application' })
  application?: Application;

  @Column({ type: 'smallint' })
  stageNumber: number;

  @Column({ type: 'varchar', length: 40 })
  fieldKey: string;

  @Column({ type: 'text' })
  fileName: string;

  /** Read from the bytes, never the caller's word. */
  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'uuid' })
  uploadedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
