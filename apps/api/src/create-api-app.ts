import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@ashar/kernel';
import { createLogger, PinoNestLogger } from '@ashar/runtime';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { existsSync } from 'fs';
import { join, resolve } from 'path';
import { ApiModule, ApiModuleOptions } from './app.module';

/** Builds the API (GraphQL, health, and the built web client when WEB_DIST is set). */
export async function createApiApp(config: AppConfig, opts: ApiModuleOptions): Promise<INestApplication> {
  const logger = createLogger(config.logLevel, 'api');
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, opts, logger), {
    logger: new PinoNestLogger(logger),
    bodyParser: true,
  });
  app.set('trust proxy', 'loopback');
  app.use(compression());
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  if (config.webDist) {
    const dist = resolve(config.webDist);
    const index = join(dist, 'index.html');
    if (!existsSync(index)) throw new Error(`WEB_DIST=${config.webDist} has no index.html (run the web build)`);
    app.useStaticAssets(dist, { index: false, maxAge: '1y', immutable: true, setHeaders: (res, path) => {
      if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
    } });
    // Client-side routes: any other GET that wants HTML gets the app shell.
    app.use((req: { method: string; path: string; headers: Record<string, string> }, res: { setHeader: (k: string, v: string) => void; sendFile: (p: string) => void }, next: () => void) => {
      // A missing hashed asset (an old page after a deploy) must be a 404, not the HTML shell.
      if (req.method !== 'GET' || req.path.startsWith('/graphql') || req.path.startsWith('/api/') || req.path.startsWith('/assets/') || req.path === '/healthz' || req.path === '/readyz') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
  app.enableShutdownHooks();
  return app;
}
