import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@ashar/kernel';
import { Redis } from 'ioredis';
import { Logger } from 'pino';
import { createLogger } from './logger';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const APP_LOGGER = Symbol('APP_LOGGER');
/** ioredis client, or null when REDIS_URL is not set (PostgreSQL then carries queues and limits). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

export const InjectConfig = () => Inject(APP_CONFIG);
export const InjectAppLogger = () => Inject(APP_LOGGER);
export const InjectRedis = () => Inject(REDIS_CLIENT);

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis | null) {}
  async onApplicationShutdown() {
    if (this.redis) await this.redis.quit().catch(() => undefined);
  }
}

/** Config, logger and the optional Redis connection, shared by api, worker and cli. */
@Global()
@Module({})
export class RuntimeModule {
  static forRoot(config: AppConfig, appName: string, logger?: Logger): DynamicModule {
    return {
      module: RuntimeModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_LOGGER, useValue: logger ?? createLogger(config.logLevel, appName) },
        {
          provide: REDIS_CLIENT,
          useFactory: () =>
            config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false }) : null,
        },
        RedisCloser,
      ],
      exports: [APP_CONFIG, APP_LOGGER, REDIS_CLIENT],
    };
  }
}
