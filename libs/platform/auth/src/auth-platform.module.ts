import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitCounter } from './rate-limit-counter.entity';
import { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import { APP_CONFIG, REDIS_CLIENT } from '@ashar/runtime';
import type { AppConfig } from '@ashar/kernel';
import { PermissionService } from './permission.service';
import { PostgresRateLimitStore, RateLimiter, RedisRateLimitStore } from './rate-limiter';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RateLimitCounter])],
  providers: [
    PermissionService,
    {
      provide: RateLimiter,
      inject: [DataSource, REDIS_CLIENT, APP_CONFIG],
      useFactory: (dataSource: DataSource, redis: Redis | null, config: AppConfig) =>
        new RateLimiter(redis ? new RedisRateLimitStore(redis, `${config.redisPrefix}:rl:`) : new PostgresRateLimitStore(dataSource)),
    },
  ],
  exports: [PermissionService, RateLimiter],
})
export class AuthPlatformModule {}
