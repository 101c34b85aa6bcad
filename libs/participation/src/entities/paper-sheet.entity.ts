import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ParticipatoryProcess } from './participatory-process.entity';

export type PaperSheetStatus = 'PENDING' | 'COUNTED' | 'MISMATCH';

/**
 * A paper ballot sheet from a village meeting, by the number written on it. It counts only once two
 * different members have entered it the same way (then its ballot is in `pb_ballots`, channel PAPER);
 * two entries that differ make it a MISMATCH, listed until a further entry agrees with one of them.
 * Sheets are anonymous: who voted on paper is the meeting's list of voters (the registry), never a sheet.
 */
@Entity('pb_paper_sheets')
@Check('ck_pb_paper_sheets_status', `"status" IN ('PENDING', 'COUNTED', 'MISMATCH')`)
export class PaperSheet {
  @PrimaryColumn({ type: 'uuid' })
  processId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  sheetCode: string;

  @ManyToOne(() => ParticipatoryProcess, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'fk_pb_paper_sheets_process' })
  process?: ParticipatoryProcess;

  @Column({ type: 'varchar', length: 12, default: 'PENDING' })
  status: PaperSheetStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One member's reading of a sheet: what they typed, and who they are (never who voted). */
@Entity('pb_paper_entries')
@Index('uq_pb_paper_entries_member', ['processId', 'sheetCode', 'enteredBy'], { unique: true })
@Index('uq_pb_paper_entries_client_request', ['processId', 'clientRequestId'], { unique: true, where: `"client_request_id" IS NOT NULL` })
@Check('ck_pb_paper_entries_choices', `jsonb_typeof("choices") = 'array'`)
export class PaperEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  processId: string;

  @Column({ type: 'varchar', length: 40 })
  sheetCode: string;

  @ManyToOne(() => PaperSheet, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'process_id', referencedColumnName: 'processId', foreignKeyConstraintName: 'fk_pb_paper_entries_sheet' },
    { name: 'sheet_code', referencedColumnName: 'sheetCode' },
  ])
  sheet?: PaperSheet;

  @Column({ type: 'uuid' })
  enteredBy: string;

  @Column({ type: 'jsonb' })
  choices: string[];

  @Column({ type: 'jsonb', nullable: true })
  points: number[] | null;

  @Column({ type: 'uuid', nullable: true })
  clientRequestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientRequestHash: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
