import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity } from 'typeorm';

export type StateBodyKind = 'MINISTRY' | 'AGENCY' | 'AKIMAT' | 'AYIL_OKMOTU' | 'OTHER';

/** A ministry, agency or akimat a council is attached to or a recommendation is addressed to. */
@Entity('state_bodies')
@Check('ck_state_bodies_kind', `"kind" IN ('MINISTRY', 'AGENCY', 'AKIMAT', 'AYIL_OKMOTU', 'OTHER')`)
@Check('ck_state_bodies_country', `"country" IN ('KG', 'KZ')`)
export class StateBody extends TimestampedEntity {
  @Column({ type: 'varchar', length: 16 })
  kind: StateBodyKind;

  /** { ky, ru, kk, en }: any may be missing. */
  @Column({ type: 'jsonb' })
  name: Record<string, string>;

  @Column({ type: 'varchar', length: 2 })
  country: string;

  /** Territorial code of the region it serves (national bodies: none). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;
}
