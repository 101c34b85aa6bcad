import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@ashar/kernel';
import { InjectAppLogger, InjectConfig } from '@ashar/runtime';
import { appendFile } from 'fs/promises';
import { Logger } from 'pino';
import { AuditAnchor, EMPTY_CHAIN_HEAD, signAnchor } from '../audit-anchor';
import { AuditEventsRepository } from '../repositories/audit-events.repository';

/**
 * Reads the chain head as an anchor and publishes it outside the database: one `audit anchor` JSON
 * log line and, with AUDIT_ANCHOR_FILE, one appended line in that file. At start, every
 * AUDIT_ANCHOR_INTERVAL_MINUTES when the head moved, and at shutdown.
 */
@Injectable()
export class AuditAnchorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private lastPublished: string | null = null;

  constructor(
    private readonly events: AuditEventsRepository,
    @InjectConfig() private readonly config: AppConfig,
    @InjectAppLogger() private readonly log: Logger,
  ) {}

  /** The head now; `background` marks the query as not belonging to any request (SQL accounting). */
  async current(background = false): Promise<AuditAnchor> {
    const head = (await this.events.head(background)) ?? EMPTY_CHAIN_HEAD;
    const anchor = { seq: head.seq, hash: head.hash, at: new Date().toISOString() };
    return { ...anchor, signature: this.config.auditAnchorKey ? signAnchor(anchor, this.config.auditAnchorKey) : null };
  }

  /** Publishes the head; skips an unchanged head unless forced (start and shutdown always publish). */
  async publish(force = false): Promise<AuditAnchor | null> {
    const anchor = await this.current(true);
    if (!force && this.lastPublished === `${anchor.seq}:${anchor.hash}`) return null;
    this.log.info({ seq: anchor.seq, hash: anchor.hash, at: anchor.at, signature: anchor.signature }, 'audit anchor');
    if (this.config.auditAnchorFile) {
      const line = JSON.stringify({ msg: 'audit anchor', ...anchor });
      await appendFile(this.config.auditAnchorFile, line + '\n', { mode: 0o600 });
    }
    this.lastPublished = `${anchor.seq}:${anchor.hash}`;
    return anchor;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.publishLogged(true);
    const minutes = this.config.auditAnchorIntervalMinutes;
    if (minutes > 0) {
      this.timer = setInterval(() => void this.publishLogged(false), minutes * 60_000);
      this.timer.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.publishLogged(true);
  }

  // A failed publication (database gone, file not writable) must not take the API down; it is logged.
  private async publishLogged(force: boolean): Promise<void> {
    try {
      await this.publish(force);
    } catch (err) {
      this.log.error({ err }, 'audit anchor not published');
    }
  }
}
