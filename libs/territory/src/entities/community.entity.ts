import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TimestampedEntity } from '@ashar/database';
import type { LocalizedText } from '@ashar/i18n';
import { CommunityKind } from '../domain/unit-level';
import { TerritorialUnit } from './territorial-unit.entity';

/**
 * A body that works on the platform (budget group, initiative group, public council or other
 * advisory body, local kenesh, municipality), attached to the unit it serves. Every
 * community-owned row elsewhere carries this id: tenancy is by row.
 */
@Entity('communities')
@Index('idx_communities_unit', ['unitId'])
@Index('uq_communities_slug', ['slug'], { unique: true })
export class Community extends TimestampedEntity {
  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => TerritorialUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_communities_unit' })
  unit?: TerritorialUnit;

  @Column({ type: 'varchar', length: 32 })
  kind: CommunityKind;

  @Column({ type: 'jsonb' })
  names: LocalizedText;

  /** Short address (`/b/<slug>/<year>`), made from the name at creation and never changed; null only for rows inserted around the service. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  slug: string | null;
}
