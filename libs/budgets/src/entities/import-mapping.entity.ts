import { TimestampedEntity } from '@ashar/database';
import { Community } from '@ashar/territory';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { ImportKind, ImportUnit, SideRule } from '../domain/import-rows';

/** A community's column mapping (our field → their header), saved per kind of file. */
@Entity('budget_import_mappings')
@Index('uq_budget_import_mappings', ['communityId', 'kind'], { unique: true })
@Check('ck_budget_import_mappings_unit', `"unit" IS NULL OR "unit" IN ('ONE', 'THOUSAND')`)
export class ImportMapping extends TimestampedEntity {
  @Column({ type: 'uuid' })
  communityId: string;

  @ManyToOne(() => Community, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_budget_import_mappings_community' })
  community?: Community;

  @Column({ type: 'varchar', length: 8 })
  kind: ImportKind;

  /** Our field → their header; an empty header: the field has no column in their files. */
  @Column({ type: 'jsonb' })
  mapping: Record<string, string>;

  /** Where the revenue/expenditure side comes from in their files, and their words for it (null: the side column if any, else the code). */
  @Column({ type: 'jsonb', nullable: true })
  side: SideRule | null;

  /** The unit their files are in ("тыс. сом"): read so when a file names none (null: som unless the file says otherwise). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  unit: ImportUnit | null;
}
