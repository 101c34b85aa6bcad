import { Controller, Get, Inject, Res } from '@nestjs/common';
import { DatabaseHealth } from '@ashar/database';
import { QUEUE_BACKEND_KIND, QueueBackendKind } from '@ashar/queue';
import { REDIS_CLIENT } from '@ashar/runtime';
import type { Response } from 'express';
import type { Redis } from 'ioredis';

/** /healthz: the process answers. /readyz: it can reach PostgreSQL and, when configured, Redis. */
@Controller()
export class HealthController {
  constructor(
    private readonly db: DatabaseHealth,
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    @Inject(QUEUE_BACKEND_KIND) private readonly queueBackend: QueueBackendKind,
  ) {}

  @Get('healthz')
  health() {
    return { status: 'ok' };
  }

  @Get('readyz')
  async ready(@Res({ passthrough: true }) res: Response) {
    const checks: Record<string, string> = {};
    const timeout = <T>(p: Promise<T>) => Promise.race([p, new Promise<T>((_, rej) => setTimeout(() => rej(new Error('timeout')), 2000))]);
    try {
      await timeout(this.db.ping());
      checks.postgres = 'ok';
    } catch {
      checks.postgres = 'down';
    }
    if (this.redis) {
      try {
        await timeout(this.redis.ping());
        checks.redis = 'ok';
      } catch {
        checks.redis = 'down';
      }
    }
    const ok = Object.values(checks).every((v) => v === 'ok');
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', queueBackend: this.queueBackend, checks };
  }
}
