import { Injectable } from '@nestjs/common';

/**
 * The time deadlines and amendment windows are judged by. One provider so that tests can stand at a
 * deadline's exact second (`set`); in production it is the server's clock.
 */
@Injectable()
export class CompetitionsClock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Tests only: stand at this instant (null: the real clock again). */
  set(at: Date | null): void {
    this.fixed = at;
  }
}
