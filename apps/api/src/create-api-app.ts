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

/**
 * The web shell has no inline script or style (Vite emits files), so the policy allows only this
 * origin; React sets styles through the CSSOM, which CSP does not restrict. Receipts and other user
 * files override it with a sandbox policy of their own.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every answer. HSTS only where TLS is in use (directly or, with TRUST_PROXY, at the proxy). */
function securityHeaders(config: AppConfig) {
  return (req: { secure: boolean }, res: { setHeader(k: string, v: string): void }, next: () => void) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    // Camera for receipt photos, geolocation for proposal map points; nothing else.
    res.setHeader('Permissions-Policy', 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=(), serial=(), bluetooth=()');
    if (req.secure || (config.nodeEnv === 'production' && config.cookieSecure)) {
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    next();
  };
}

/** Builds the API (GraphQL, health, and the built web client when WEB_DIST is set). */
export async function createApiApp(config: AppConfig, opts: ApiModuleOptions): Promise<INestApplication> {
  const logger = createLogger(config.logLevel, 'api');
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, opts, logger), {
    logger: new PinoNestLogger(logger),
    bodyParser: true,
  });
  // Only configured proxies may set the client address (X-Forwarded-For); by default none.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders(config));
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
