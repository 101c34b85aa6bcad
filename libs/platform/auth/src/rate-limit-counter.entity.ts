import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Rate-limit windows when Redis is not configured (see rate-limiter.ts). */
@Entity('rate_limit_counters')
export class RateLimitCounter {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'integer' })
  count: number;

  @Column({ type: 'timestamptz' })
  windowEnds: Date;
}
