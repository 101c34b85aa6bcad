import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@ashar/kernel';
import { parseConcurrency } from '@ashar/queue';
import { createLogger, PinoNestLogger } from '@ashar/runtime';
import { WorkerModule, WorkerOptions } from './worker.module';

export async function createWorkerApp(config: AppConfig, opts: WorkerOptions = {}): Promise<INestApplicationContext> {
  const logger = createLogger(config.logLevel, 'worker');
  const concurrency = opts.concurrency ?? parseConcurrency(process.env.WORKER_CONCURRENCY);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger, { ...opts, concurrency }), { logger: new PinoNestLogger(logger) });
  app.enableShutdownHooks();
  return app;
}
