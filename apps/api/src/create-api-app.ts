import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { loadOperationAllowlist, publicReadCache } from '@ashar/graphql';
import { AppConfig } from '@ashar/kernel';
import { createLogger, PinoNestLogger } from '@ashar/runtime';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { createHash } from 'crypto';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { AuditAnchorService } from '@ashar/audit';
import { auditAnchorHeaders } from './audit-anchor-headers';
import { webShell } from './web-shell';
import { ApiModule, ApiModuleOptions } from './app.module';

/** 'sha256-…' sources for the inline <script>/<style> blocks of the shell (Vite emits none today). */
function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const re = tag === 'script' ? /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi : /<style[^>]*>([\s\S]*?)<\/style>/gi;
  return [...html.matchAll(re)].filter((m) => m[1].trim()).map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
}

/**
 * Security headers on every response (API, web shell, assets), written by hand: they are few.
 * The CSP allows only this origin; inline blocks of the served index.html are allowed by hash.
 */
export function securityHeaders(config: AppConfig, indexHtml: string | null) {
  const scripts = ["'self'", ...(indexHtml ? inlineHashes(indexHtml, 'script') : [])].join(' ');
  const styles = ["'self'", ...(indexHtml ? inlineHashes(indexHtml, 'style') : [])].join(' ');
  const csp = [
    "default-src 'self'",
    `script-src ${scripts}`,
    `style-src ${styles}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  // Camera: receipt photos; geolocation: map points (planned). Everything else off.
  const permissions = 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()';
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('Permissions-Policy', permissions);
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    // HSTS only means something over TLS: on a secure request, or where the deployment says it is HTTPS.
    if (req.secure || config.cookieSecure) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}

/** Builds the API (GraphQL, health, and the built web client when WEB_DIST is set). */
export async function createApiApp(config: AppConfig, opts: ApiModuleOptions): Promise<INestApplication> {
  const logger = createLogger(config.logLevel, 'api');
  // Read before Nest starts: inside the module factory a bad file would end the process without a word.
  const operationAllowlist = config.graphqlOperationsFile ? loadOperationAllowlist(config.graphqlOperationsFile) : null;
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, opts, logger, operationAllowlist), {
    logger: new PinoNestLogger(logger),
    bodyParser: true,
    // Keeps req.rawBody for signed webhooks (the SMS gateway's delivery reports are signed over the exact bytes).
    rawBody: true,
  });
  // Only configured proxies may speak for the client (req.ip, req.secure); default: none (TRUST_PROXY).
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  const index = config.webDist ? join(resolve(config.webDist), 'index.html') : null;
  if (index && !existsSync(index)) throw new Error(`WEB_DIST=${config.webDist} has no index.html (run the web build)`);
  app.use(securityHeaders(config, index ? readFileSync(index, 'utf8') : null));
  app.use(compression());
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  app.use('/api/public', auditAnchorHeaders(app.get(AuditAnchorService)));
  // Public pages read by many at once (README, Scaling): anonymous answers kept a few seconds per process.
  if (config.publicReadCacheSeconds > 0) app.use('/graphql', publicReadCache({ ttlMs: config.publicReadCacheSeconds * 1000 }));
  if (config.webDist && index) {
    const dist = resolve(config.webDist);
    app.useStaticAssets(dist, { index: false, maxAge: '1y', immutable: true, setHeaders: (res, path) => {
      // The shell, the service worker and the manifest change with each deploy under the same name: always revalidated.
      if (path.endsWith('.html') || path.endsWith('sw.js') || path.endsWith('.webmanifest')) res.setHeader('Cache-Control', 'no-cache');
    } });
    // Client-side routes: any other GET that wants HTML gets the app shell.
    const shell = webShell(app, readFileSync(index, 'utf8'), dist);
    app.use((req: Request, res: Response, next: NextFunction) => {
      // A missing hashed asset (an old page after a deploy) must be a 404, not the HTML shell.
      if (req.method !== 'GET' || req.path.startsWith('/graphql') || req.path.startsWith('/api/') || req.path.startsWith('/assets/') || req.path === '/healthz' || req.path === '/readyz') return next();
      void shell(req, res).catch(next);
    });
  }
  app.enableShutdownHooks();
  return app;
}
