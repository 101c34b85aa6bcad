import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitCounter } from './rate-limit-counter.entity';
import type { Redis } from 'ioredis';
import { APP_CONFIG, REDIS_CLIENT } from '@ashar/runtime';
import type { AppConfig } from '@ashar/kernel';
import { PermissionService } from './permission.service';
import { RateLimiter, RedisRateLimitStore } from './rate-limiter';
import { POSTGRES_RATE_LIMIT_STORE, PostgresRateLimitStore } from './repositories/rate-limit-counters.repository';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RateLimitCounter])],
  providers: [
    PermissionService,
    POSTGRES_RATE_LIMIT_STORE,
    {
      provide: RateLimiter,
      inject: [PostgresRateLimitStore, REDIS_CLIENT, APP_CONFIG],
      useFactory: (postgres: PostgresRateLimitStore, redis: Redis | null, config: AppConfig) =>
        new RateLimiter(redis ? new RedisRateLimitStore(redis, `${config.redisPrefix}:rl:`) : postgres),
    },
  ],
  exports: [PermissionService, RateLimiter],
})
export class AuthPlatformModule {}
